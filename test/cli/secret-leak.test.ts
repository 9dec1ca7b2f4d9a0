import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SES_REGIONS } from '../../src/ses/regions.js';
import { deriveSmtpPassword } from '../../src/smtp/password.js';

/**
 * The bundled example audited with known SMTP secrets stored beside it: the Gmail alias keeps
 * a password derived for the wrong region (environment) and its secret key (file); a second
 * relay stores the raw secret key as its password. Every output of `mailspec audit` — the
 * three report files, GitHub annotations, debug output, stdout and stderr — must hold none
 * of the secret, the stored password, or any password mailspec derives from the secret.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'fixtures', 'charter-incident');

// AWS's documented example secret access key: it is nobody's credential.
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const STORED_PASSWORD = deriveSmtpPassword(SECRET, 'eu-west-1');
const FORBIDDEN = [
  SECRET,
  ...SES_REGIONS.map((region) => deriveSmtpPassword(SECRET, region)),
  Buffer.from(SECRET).toString('base64'),
  Buffer.from(STORED_PASSWORD).toString('base64'),
];

const out = mkdtempSync(join(tmpdir(), 'mailspec-leak-'));
const written: Record<string, string> = {};

function withStoredSecrets(text: string): string {
  const username = '      username: { value: AKIAIOSFODNN7EXAMPLE }\n';
  const secondPath = '  - name: bulk-sender\n';
  if (!text.includes(username) || !text.includes(secondPath)) {
    throw new Error('the bundled example changed: update this test');
  }
  const stored = `${username}      password: { env: MAILSPEC_TEST_SMTP_PASSWORD }\n      secret_access_key: { file: secret.txt }\n`;
  const relay = `  - name: office-relay\n    kind: smtp\n    region: us-east-1\n    from: admin@example.com\n    iam_user: ses-smtp-gmail-alias\n    credential:\n${username}      password: { file: secret.txt }\n\n`;
  return text
    .replace(/^source: .*$/m, `source: ${EXAMPLE}`)
    .replace(username, stored)
    .replace(secondPath, `${relay}${secondPath}`);
}

beforeAll(async () => {
  const expectations = readFileSync(join(EXAMPLE, 'expectations.yaml'), 'utf8');
  writeFileSync(join(out, 'expectations.yaml'), withStoredSecrets(expectations));
  writeFileSync(join(out, 'secret.txt'), `${SECRET}\n`);
  const reports = ['json', 'junit', 'sarif'].flatMap((kind) => [`--${kind}`, join(out, kind)]);

  const run = promisify(execFile)(
    process.execPath,
    [
      'bin/mailspec.mjs',
      'audit',
      '--expectations',
      join(out, 'expectations.yaml'),
      '--verbose',
    ].concat(reports),
    {
      cwd: ROOT,
      env: {
        ...process.env,
        GITHUB_ACTIONS: 'true',
        MAILSPEC_SOURCE: '',
        MAILSPEC_TEST_SMTP_PASSWORD: STORED_PASSWORD,
      },
      maxBuffer: 32 * 1024 * 1024,
    },
  );
  const { stdout, stderr } = await run.catch(
    (failed: { stdout: string; stderr: string }) => failed,
  );
  Object.assign(written, { stdout, stderr });
  for (const kind of ['json', 'junit', 'sarif']) {
    written[kind] = readFileSync(join(out, kind), 'utf8');
  }
}, 120_000);

describe('secrets in the output of mailspec audit', () => {
  it('passes when the stored secrets were read and judged (the run is not vacuous)', () => {
    const { results } = JSON.parse(written.json) as {
      results: { check: string; subject: string; outcome: string; message: string }[];
    };
    const judged = results
      .filter((r) => r.check.startsWith('smtp.password'))
      .map((r) => [r.check, r.subject, r.outcome, r.message]);

    expect(judged).toEqual([
      [
        'smtp.password-format',
        'gmail-alias',
        'pass',
        'SMTP password of gmail-alias in environment variable MAILSPEC_TEST_SMTP_PASSWORD has the version-4 shape (44 characters starting with B)',
      ],
      [
        'smtp.password-region',
        'gmail-alias',
        'fail',
        'SMTP password of gmail-alias in environment variable MAILSPEC_TEST_SMTP_PASSWORD was derived for eu-west-1, but the path sends through us-east-1',
      ],
      [
        'smtp.password-format',
        'office-relay',
        'fail',
        `SMTP password of office-relay in file ${join(out, 'secret.txt')} is 40 characters like an IAM secret access key, not the SMTP password derived from one`,
      ],
      [
        'smtp.password-region',
        'office-relay',
        'warn',
        'SMTP password of office-relay was not checked against the region us-east-1: the expectations declare no secret access key',
      ],
    ]);
    expect(written.stdout).toContain('::error file=');
  });

  it.each(['stdout', 'stderr', 'json', 'junit', 'sarif'])(
    'fails when %s holds the secret key or a password derived from it',
    (output) => {
      const text = written[output];

      const leaks = FORBIDDEN.filter((secret) => text.includes(secret));

      expect(text.length).toBeGreaterThan(0);
      expect(leaks).toEqual([]);
    },
  );
});
