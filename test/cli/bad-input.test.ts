import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReports } from '../../src/cli/reports.js';
import { parseExpectations } from '../../src/config/load.js';
import { MINIMAL_EXPECTATIONS } from '../support/audit-context.js';
import { smtpExpectations } from '../support/smtp-path.js';
import { runMain } from '../support/cli.js';

/**
 * Bad input a tired engineer gives the CLI. Each case must be refused before any audit runs,
 * as one line on stderr naming the problem (and its place in the file), exit 2, no stack.
 */
const cli = runMain;

const dir = mkdtempSync(join(tmpdir(), 'mailspec-bad-input-'));
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}
const WAIVER = `${MINIMAL_EXPECTATIONS}waivers:\n  - check: dmarc.policy\n    subject: example.com\n`;

describe('bad input', () => {
  it('fails with exit 2 and one line for a reporter that does not exist', async () => {
    const run = await cli(['audit', '--html', 'report.html']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "mailspec: audit: Unknown option '--html' (see mailspec --help) [MAILSPEC_USAGE]\n",
    });
  });

  it('fails with exit 2 and one line for a report in a missing folder', async () => {
    const report = join(dir, 'missing', 'report.json');

    const run = await cli(['audit', '--json', report]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: --json ${report}: the folder ${join(dir, 'missing')} does not exist [MAILSPEC_OUTPUT_UNWRITABLE]\n`,
    });
  });

  it('fails with exit 2 and one line for a report path that is a folder', async () => {
    const run = await cli(['audit', '--junit', dir]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: --junit ${dir}: it is a folder; give a file name for the report [MAILSPEC_OUTPUT_UNWRITABLE]\n`,
    });
  });

  it('fails with exit 2 and one line for two reports in one file', async () => {
    const report = join(dir, 'report.out');

    const run = await cli(['audit', '--json', report, '--sarif', report]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: --sarif ${report}: --json writes to the same file [MAILSPEC_OUTPUT_UNWRITABLE]\n`,
    });
  });

  it('fails with exit 2 and one line for a report that would replace the expectations file', async () => {
    const run = await cli(['audit', '--sarif', 'expectations.yaml']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: --sarif expectations.yaml: that is the expectations file the audit reads [MAILSPEC_OUTPUT_UNWRITABLE]\n',
    });
  });

  it('fails with exit 2 and one line for a report inside the fixture folder it replays', async () => {
    const run = await cli(['audit', '--json', 'fixtures/example/aws/account.json']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: --json fixtures/example/aws/account.json: that is inside the fixture folder ${resolve('fixtures/example')} [MAILSPEC_OUTPUT_UNWRITABLE]\n`,
    });
  });

  it('fails with one line, not a stack, when a report cannot be written after the run', () => {
    const report = join(dir, 'gone', 'report.xml');
    const loaded = parseExpectations(MINIMAL_EXPECTATIONS, 'expectations.yaml');

    const write = () => writeReports({ junit: report }, [], 'live AWS', loaded);

    expect(write).toThrow(`--junit ${report}: cannot be written (ENOENT)`);
  });

  it('fails with exit 2 and one line for a waiver without a reason', async () => {
    const expectations = file('no-reason.yaml', `${WAIVER}    expires: 2027-01-31\n`);

    const run = await cli(['audit', '--expectations', expectations]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${expectations}:6:5: missing key "reason" in waivers[0] (expected string) [MAILSPEC_CONFIG_INVALID]\n`,
    });
  });

  it('fails with exit 2 and one line for a waiver whose reason is blank', async () => {
    const expectations = file('blank.yaml', `${WAIVER}    reason: '  '\n    expires: 2027-01-31\n`);

    const run = await cli(['audit', '--expectations', expectations]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${expectations}:8:13: waivers[0].reason: a waiver needs a reason, got "  " [MAILSPEC_CONFIG_INVALID]\n`,
    });
  });

  it('fails with exit 2 and one line for a waiver date that is not YYYY-MM-DD', async () => {
    const expectations = file(
      'format.yaml',
      `${WAIVER}    reason: legacy\n    expires: 31/01/2027\n`,
    );

    const run = await cli(['audit', '--expectations', expectations]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${expectations}:9:14: waivers[0].expires: expected a date as YYYY-MM-DD, got "31/01/2027" [MAILSPEC_CONFIG_INVALID]\n`,
    });
  });

  it('fails with exit 2 and one line for a waiver date that is not on the calendar', async () => {
    const expectations = file('day.yaml', `${WAIVER}    reason: legacy\n    expires: 2027-02-30\n`);

    const run = await cli(['audit', '--expectations', expectations]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${expectations}:9:14: waivers[0].expires: expected a real calendar date, got "2027-02-30" [MAILSPEC_CONFIG_INVALID]\n`,
    });
  });

  it('fails with exit 2 and one line, without echoing it, for an SMTP username that is not a key ID', async () => {
    const pasted = 'BMXhUYlu5Z3gSXVQORxlVa7XPaz91aGWdfHxvkOZdWZ2';
    const expectations = file('username.yaml', smtpExpectations(`username: { value: ${pasted} }`));

    const run = await cli(['audit', '--expectations', expectations]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${expectations}:12:26: sending_paths[0].credential.username.value: expected an IAM access key ID (AKIA and 16 upper-case letters or digits), got 44 characters [MAILSPEC_CONFIG_INVALID]\n`,
    });
  });

  it('fails with exit 2 and one line for an empty report path', async () => {
    const run = await cli(['audit', '--json', '']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: audit: --json needs a value, not an empty string (see mailspec --help) [MAILSPEC_USAGE]\n',
    });
  });

  it('fails with exit 2 and one line for an empty fixture path', async () => {
    const run = await cli(['audit', '--fixtures', '']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: audit: --fixtures needs a value, not an empty string (see mailspec --help) [MAILSPEC_USAGE]\n',
    });
  });

  it('fails with exit 2 and one line for an option demo does not know', async () => {
    const run = await cli(['demo', '--x']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "mailspec: demo: Unknown option '--x' (see mailspec --help) [MAILSPEC_USAGE]\n",
    });
  });
});

describe('bad fixture paths', () => {
  const noRecording = join(dir, 'no-recording');
  mkdirSync(join(noRecording, 'aws'), { recursive: true });

  it('fails with exit 2 and one line for --fixtures naming a file', async () => {
    const run = await cli(['audit', '--fixtures', 'package.json']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: fixture ${resolve('package.json')} (--fixtures) is a file; a fixture is a folder holding recording.json (mailspec record makes one) [MAILSPEC_FIXTURE_INVALID]\n`,
    });
  });

  it('fails with exit 2 and one line for --fixtures naming a folder with no recording', async () => {
    const run = await cli(['audit', '--fixtures', noRecording]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: fixture ${noRecording} (--fixtures) holds no recording.json, so it is no recorded fixture (mailspec record makes one) [MAILSPEC_FIXTURE_INVALID]\n`,
    });
  });

  it('fails with exit 2 and one line for a source: that names a file beside the expectations', async () => {
    file('base.yaml', MINIMAL_EXPECTATIONS);
    const expectations = file(
      'source-file.yaml',
      MINIMAL_EXPECTATIONS.replace('live', 'base.yaml'),
    );

    const run = await cli(['audit', '--expectations', expectations]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: fixture ${join(dir, 'base.yaml')} (source: of ${expectations}) is a file; a fixture is a folder holding recording.json (mailspec record makes one) [MAILSPEC_FIXTURE_INVALID]\n`,
    });
  });

  it('fails with exit 2 and one line for a MAILSPEC_SOURCE folder that does not exist', async () => {
    const missing = join(dir, 'no-such-fixture');
    process.env.MAILSPEC_SOURCE = missing;

    const run = await cli(['audit']).finally(() => delete process.env.MAILSPEC_SOURCE);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: fixture ${missing} (MAILSPEC_SOURCE) does not exist [MAILSPEC_FIXTURE_INVALID]\n`,
    });
  });
});
