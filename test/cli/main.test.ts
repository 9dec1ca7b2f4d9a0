import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { restoreEnvironmentAfterEach, runMain } from '../support/cli.js';

const cli = runMain;

restoreEnvironmentAfterEach();

function badFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mailspec-main-')), 'expectations.yaml');
  writeFileSync(file, text);
  return file;
}

describe('main', () => {
  it('passes with exit 0 when the root expectations.yaml replays its healthy example', async () => {
    const run = await cli(['audit']);

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('mailspec summary (source: recorded fixture fixtures/example');
  });

  it('fails with exit 1 when a fixture holds a fault', async () => {
    const run = await cli(['audit', '--expectations', 'test/fixtures/cli-fault/expectations.yaml']);

    expect(run.stdout).toMatch(/ses-identity +1 fail/);
    expect(run.code).toBe(1);
  });

  it('fails with exit 2 and one line on stderr when the file is bad', async () => {
    const file = badFile(
      'source: live\ndomains:\n  - domain: example.com\n    regions: [us-east-1]\n    dmark: {}\n',
    );

    const run = await cli(['audit', '--expectations', file]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${file}:5:5: unknown key "dmark" in domains[0] (did you mean "dmarc"?) [MAILSPEC_CONFIG_UNKNOWN_KEY]\n`,
    });
  });

  it('fails with exit 2 and one ::error annotation at the line in GitHub Actions', async () => {
    const file = badFile(
      'source: live\ndomains:\n  - domain: example.com\n    regions: [us-east-1]\n    dmark: {}\n',
    );
    process.env.GITHUB_ACTIONS = 'true';
    process.env.GITHUB_WORKSPACE = dirname(dirname(file));

    const run = await cli(['audit', '--expectations', file]);

    const inWorkspace = `${dirname(file).split('/').at(-1)}/expectations.yaml`;
    expect(run).toEqual({
      code: 2,
      stdout: `::error file=${inWorkspace},line=5,col=5,title=mailspec%3A the expectations file is invalid::unknown key "dmark" in domains[0] (did you mean "dmarc"?) [MAILSPEC_CONFIG_UNKNOWN_KEY]\n`,
      stderr: `mailspec: ${file}:5:5: unknown key "dmark" in domains[0] (did you mean "dmarc"?) [MAILSPEC_CONFIG_UNKNOWN_KEY]\n`,
    });
  });

  it('fails with exit 2 and one line when the file does not exist', async () => {
    const run = await cli(['audit', '--expectations', 'no-such-file.yaml']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: expectations file no-such-file.yaml does not exist [MAILSPEC_CONFIG_NOT_FOUND]\n',
    });
  });

  it('fails with exit 2 and one line for an unknown command', async () => {
    const run = await cli(['audti']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^mailspec: unknown command "audti"; commands: audit, [^\n]+ \[MAILSPEC_USAGE\]\n$/,
    );
  });

  it('fails with exit 2 and one line for an unknown option', async () => {
    const run = await cli(['audit', '--jsno', 'out.json']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "mailspec: audit: Unknown option '--jsno' (see mailspec --help) [MAILSPEC_USAGE]\n",
    });
  });

  it('fails with exit 2 and one line for a DNS server that is not an IP address', async () => {
    const run = await cli(['audit', '--dns-server', 'dns.google']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: audit: --dns-server takes an IP address with an optional :port, such as 1.1.1.1 or [2606:4700::1111]:53, not "dns.google" [MAILSPEC_USAGE]\n',
    });
  });
});
