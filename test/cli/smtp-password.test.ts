import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `mailspec smtp-password` as a user runs it: `node bin/mailspec.mjs` in a child process,
 * the secret piped on standard input. Vectors from the SES documentation's conversion
 * example; the secret is asserted absent from both output streams in every case.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const SECRET = 'some+secret+key';
const EU_CENTRAL_1 = 'BMXhUYlu5Z3gSXVQORxlVa7XPaz91aGWdfHxvkOZdWZ2';
const US_WEST_1 = 'BH+jbMzper5WwlwUar9E1ySBqHa9whi0GPo+sJ0mVYJj';
/** The documentation's example secret is 15 characters, not the 40 of a real one. */
const SHAPE_WARNING =
  'mailspec: smtp-password: warning: the secret key is not 40 characters of the base64 alphabet, as IAM secret access keys are (it has 15); the password is derived from it anyway\n';
/** AWS's documented example secret access key: 40 characters of the base64 alphabet. */
const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function smtpPassword(args: string[], input: string): Promise<Run> {
  // The Node 20 end-of-life note would be a second stderr line on some runners only.
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const child = spawn(process.execPath, ['bin/mailspec.mjs', 'smtp-password', ...args], {
    cwd: ROOT,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // A refused oversized input closes the pipe before it is all written: not an error here.
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

const neverEchoes = (run: Run, secret = SECRET) =>
  expect(`${run.stdout}${run.stderr}`).not.toContain(secret);

describe('mailspec smtp-password', () => {
  it('passes when the eu-central-1 vector comes out of the secret on stdin', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1'], SECRET);

    expect(run).toEqual({ code: 0, stdout: `${EU_CENTRAL_1}\n`, stderr: SHAPE_WARNING });
  });

  it('passes when the us-west-1 vector comes out of the same secret', async () => {
    const run = await smtpPassword(['--region=us-west-1'], SECRET);

    expect(run).toEqual({ code: 0, stdout: `${US_WEST_1}\n`, stderr: SHAPE_WARNING });
  });

  it('passes without a warning when the secret has the shape of an IAM secret access key', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1'], EXAMPLE_SECRET);

    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^B[A-Za-z0-9+/]{43}\n$/);
    expect(run.code).toBe(0);
  });

  it('fails with exit 2 and one line when stdin holds more than 1 KiB', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1'], 'x'.repeat(1025));

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: standard input holds more than 1024 bytes; give the secret access key alone (40 characters) [MAILSPEC_SECRET_INPUT]\n',
    });
  });

  it('fails with exit 2 and the same line, without reading it all, for a 64 MB input', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1'], 'x'.repeat(64 * 1024 * 1024));

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: standard input holds more than 1024 bytes; give the secret access key alone (40 characters) [MAILSPEC_SECRET_INPUT]\n',
    });
  });

  it('fails with exit 2 and one line, without echoing it, when --region is given the secret', async () => {
    const run = await smtpPassword(['--region', EXAMPLE_SECRET], '');

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: the --region value is not a region offering SES, nor shaped like a region name such as eu-central-1, so it is not shown [MAILSPEC_CONFIG_UNKNOWN_REGION]\n',
    });
  });

  it('fails with exit 2 and one line, without echoing it, for the secret given as an option', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1', `--${EXAMPLE_SECRET}`], '');

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: an unknown option, not shown since it is not shaped like an option name (see mailspec --help) [MAILSPEC_USAGE]\n',
    });
  });

  it('fails with exit 2 and one line naming an unknown option shaped like one', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1', '--secret-key'], '');

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "mailspec: smtp-password: Unknown option '--secret-key' (see mailspec --help) [MAILSPEC_USAGE]\n",
    });
  });

  it('passes when a trailing newline is trimmed, and says so on stderr', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1'], `${SECRET}\n`);

    expect(run).toEqual({
      code: 0,
      stdout: `${EU_CENTRAL_1}\n`,
      stderr: `mailspec: smtp-password: note: removed the line end after the secret key\n${SHAPE_WARNING}`,
    });
    neverEchoes(run);
  });

  it('passes when spaces around the secret are trimmed, and says so on stderr', async () => {
    const run = await smtpPassword(['--region', 'us-west-1'], `  ${SECRET}\t\r\n`);

    expect(run).toEqual({
      code: 0,
      stdout: `${US_WEST_1}\n`,
      stderr: `mailspec: smtp-password: note: removed whitespace around the secret key\n${SHAPE_WARNING}`,
    });
  });

  it('fails with exit 2 and one line when stdin is empty', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1'], '');

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: no secret access key on standard input [MAILSPEC_SECRET_INPUT]\n',
    });
  });

  it('fails with exit 2 and one line when stdin holds only a newline', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1'], '\n');

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: no secret access key on standard input [MAILSPEC_SECRET_INPUT]\n',
    });
  });

  it('fails with exit 2 and one line, without echoing either, when stdin holds two lines', async () => {
    const run = await smtpPassword(
      ['--region', 'eu-central-1'],
      `AKIAIOSFODNN7EXAMPLE\n${SECRET}\n`,
    );

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: standard input holds more than one word or line; give the secret access key alone [MAILSPEC_SECRET_INPUT]\n',
    });
    neverEchoes(run);
  });

  it('fails with exit 2 and one line when stdin holds the access key ID instead', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1'], 'AKIAIOSFODNN7EXAMPLE\n');

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: standard input holds an access key ID; the password is derived from its secret key [MAILSPEC_SECRET_INPUT]\n',
    });
    neverEchoes(run, 'AKIAIOSFODNN7EXAMPLE');
  });

  it('fails with exit 2 and one line naming the nearest region for an unknown one', async () => {
    const run = await smtpPassword(['--region', 'eu-centrl-1'], SECRET);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: "eu-centrl-1" is not a region offering SES (did you mean eu-central-1?) [MAILSPEC_CONFIG_UNKNOWN_REGION]\n',
    });
    neverEchoes(run);
  });

  it('fails with exit 2 and one line without --region', async () => {
    const run = await smtpPassword([], SECRET);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mailspec: smtp-password: --region is required [MAILSPEC_USAGE]\n',
    });
    neverEchoes(run);
  });

  it('fails with exit 2 and one line when --region is given twice', async () => {
    const run = await smtpPassword(['--region', 'us-east-1', '--region', 'us-west-2'], SECRET);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mailspec: smtp-password: give --region once [MAILSPEC_USAGE]\n',
    });
    neverEchoes(run);
  });

  it('fails with exit 2 when the secret is given as an argument, without echoing it', async () => {
    const run = await smtpPassword(['--region', 'eu-central-1', SECRET], '');

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mailspec: smtp-password: the secret access key is read from standard input only, never from the command line [MAILSPEC_USAGE]\n',
    });
    neverEchoes(run);
  });
});
