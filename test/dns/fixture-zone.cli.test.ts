import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** `mailspec audit --fixtures DIR` in process, with what it wrote to stdout and stderr. */
async function audit(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
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
    return { code: await main(['audit', '--fixtures', dir]), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

/** A copy of the bundled example fixture with one file replaced. */
function exampleWith(file: string, text: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mailspec-bad-fixture-')), 'fixture');
  cpSync('fixtures/example', dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

describe('mailspec audit of a broken fixture', () => {
  it('fails with exit 2 and one line when recording.json is cut short', async () => {
    const dir = exampleWith('recording.json', '{"recorded_at": ');

    const run = await audit(dir);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${join(dir, 'recording.json')}:1:17: Unexpected end of JSON input (not valid JSON) [MAILSPEC_FIXTURE_SYNTAX]\n`,
    });
  });

  it('fails with exit 2 and one line when an MX record holds a plain string', async () => {
    const dir = exampleWith(
      'dns/identity.yaml',
      '- { name: mail.example.com, type: MX, data: mx }\n',
    );

    const run = await audit(dir);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${join(dir, 'dns', 'identity.yaml')}:1:45: zone record 1 (mail.example.com MX): MX data must be a mapping { exchange, priority } [MAILSPEC_FIXTURE_INVALID]\n`,
    });
  });
});
