import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startLoopbackDns } from '../../src/dns/loopback-server.js';
import { Zone } from '../../src/dns/zone.js';

/** Runs `main` in this process, capturing what it writes to stdout and stderr. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

const EXPECTATIONS = `version: 1
source: live
domains:
  - domain: example.com
    regions: [us-east-1]
`;

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'mailspec-cli-record-'));
}

describe('record', () => {
  it('fails with exit 2 and one line, writing nothing, when the machine has no AWS credentials', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'expectations.yaml'), EXPECTATIONS);
    // The SDK's own default chain, with every place it looks emptied and the instance
    // metadata service switched off, so no request leaves the machine.
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    Object.assign(process.env, {
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    const dns = await startLoopbackDns(new Zone([]));
    const out = join(dir, 'fixture');

    try {
      const run = await cli([
        'record',
        '--expectations',
        join(dir, 'expectations.yaml'),
        '--out',
        out,
        '--dns-server',
        dns.address,
      ]);

      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'mailspec: record: no AWS credentials were found (set a profile, role or environment credentials); nothing was written [MAILSPEC_RECORD_NO_AWS]\n',
      });
      expect(existsSync(out)).toBe(false);
    } finally {
      await dns.close();
    }
  });

  it('fails with exit 2 and one line, no stack, when --out is a file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'expectations.yaml'), EXPECTATIONS);
    const file = join(dir, 'passwd');
    writeFileSync(file, 'root:x:0:0\n');

    const run = await cli([
      'record',
      '--expectations',
      join(dir, 'expectations.yaml'),
      '--out',
      file,
    ]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: record: ${file} is a file, not a folder; record into a new folder [MAILSPEC_OUTPUT_UNWRITABLE]\n`,
    });
  });
});
