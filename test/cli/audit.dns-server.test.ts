import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

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

const IGNORED =
  "mailspec: audit: --dns-server has no effect on a replay: the fixture's DNS is served from its zone files [MAILSPEC_USAGE]\n";

describe('audit --dns-server', () => {
  it('fails with exit 2 and one line when the file replays a fixture', async () => {
    process.env.MAILSPEC_SOURCE = '';

    const run = await cli(['audit', '--dns-server', '1.1.1.1']);

    expect(run).toEqual({ code: 2, stdout: '', stderr: IGNORED });
  });

  it('fails with exit 2 and one line when --fixtures chooses the replay', async () => {
    const run = await cli([
      'audit',
      '--expectations',
      'fixtures/charter-incident/expectations.yaml',
      '--fixtures',
      'fixtures/charter-incident',
      '--dns-server',
      '1.1.1.1',
    ]);

    expect(run).toEqual({ code: 2, stdout: '', stderr: IGNORED });
  });
});
