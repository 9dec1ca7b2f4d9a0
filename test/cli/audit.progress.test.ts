import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * `mailspec audit` draws one progress line per layer on a terminal. The audit runs in the
 * CLI's own process for that (a vitest worker's stderr is no terminal), so this test gives
 * the CLI a pseudo-terminal with util-linux `script` and reads what was drawn.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const SCRIPT = '/usr/bin/script';
const run = promisify(execFile);
const command = `${process.execPath} bin/mailspec.mjs audit --expectations fixtures/charter-incident/expectations.yaml`;

async function onTerminal(env: NodeJS.ProcessEnv): Promise<string> {
  const options = { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 };
  try {
    return (await run(SCRIPT, ['-qec', command, '/dev/null'], options)).stdout;
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

/** The last block of progress lines drawn: each layer with its final count. */
function finalCounts(screen: string): string[] {
  const lines = screen.split(/\r?\n/).filter((line) => line.includes('\x1b[2K'));
  const last = lines.slice(-8);
  return last.map((line) => line.replace(/\x1b\[\d*[AK]/g, '').trim()).sort();
}

describe.skipIf(!existsSync(SCRIPT))('mailspec audit progress on a terminal', () => {
  it('passes when every layer ends at its full count', async () => {
    const screen = await onTerminal({ CI: '', GITHUB_ACTIONS: '', MAILSPEC_SOURCE: '' });

    expect(finalCounts(screen)).toEqual([
      'dns               17/17',
      'iam               2/2',
      'recipient         3/3',
      'sending-path      8/8',
      'ses-account       10/10',
      'ses-identity      6/6',
      'smtp-credentials  4/4',
      'suppression       3/3',
    ]);
  });

  it('fails when progress is drawn in CI, where a log of redraws helps nobody', async () => {
    const screen = await onTerminal({ CI: 'true', GITHUB_ACTIONS: '', MAILSPEC_SOURCE: '' });

    expect(screen).toContain('mailspec summary');
    expect(screen).not.toContain('\x1b[2K');
  });
});
