import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import check from '../../../checks/smtp-credentials/smtp.password-format.js';
import { deriveSmtpPasswordV2 } from '../../../src/smtp/password.js';
import { smtpContext } from '../../support/smtp-path.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const { subject } = smtpContext();
const where = 'environment variable SMTP_PASSWORD';
const stored = (value: string) => ({ password: { ok: true, value, where } as const });
const expected = 'a version-4 SMTP password: 44 characters starting with B';

// The SES documentation's public example secret, its eu-central-1 password, and AWS's
// documented example secret access key: none of them is anyone's credential.
const SECRET = 'some+secret+key';
const V4 = 'BMXhUYlu5Z3gSXVQORxlVa7XPaz91aGWdfHxvkOZdWZ2';
const RAW_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('smtp.password-format', () => {
  it('passes when the password is a version-4 password (44 characters, "B")', () => {
    const outcome = check.evaluate(subject, stored(V4), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'SMTP password of gmail-alias in environment variable SMTP_PASSWORD has the version-4 shape (44 characters starting with B)',
    });
  });

  it('fails when the password is a deprecated version-2 password ("A")', () => {
    const outcome = check.evaluate(subject, stored(deriveSmtpPasswordV2(SECRET)), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP password of gmail-alias in environment variable SMTP_PASSWORD is a version-2 password (starting with A), which SES has refused since 2021',
      expected,
      found: 'version-2 password (0x02 prefix)',
    });
  });

  it('fails when the raw 40-character secret access key is stored instead', () => {
    const outcome = check.evaluate(subject, stored(RAW_SECRET), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP password of gmail-alias in environment variable SMTP_PASSWORD is 40 characters like an IAM secret access key, not the SMTP password derived from one',
      expected,
      found: 'a 40-character secret access key',
    });
  });

  it('fails when the password is anything else, giving its length only', () => {
    const outcome = check.evaluate(subject, stored('correct horse battery'), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP password of gmail-alias in environment variable SMTP_PASSWORD is not an SES SMTP password (21 characters)',
      expected,
      found: '21 characters of an unknown shape',
    });
    expect(JSON.stringify(outcome)).not.toContain('horse');
  });

  it('fails when a 44-character base64 value carries another version byte', () => {
    const other = Buffer.concat([Buffer.from([0x05]), Buffer.alloc(32, 7)]).toString('base64');

    const outcome = check.evaluate(subject, stored(other), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP password of gmail-alias in environment variable SMTP_PASSWORD is not an SES SMTP password (44 characters)',
      expected,
      found: '44 characters of an unknown shape',
    });
  });

  it('is inconclusive when the declared password cannot be read', () => {
    const unread = { ok: false, reason: 'it is not set', where } as const;

    const outcome = check.evaluate(subject, { password: unread }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'SMTP password of gmail-alias could not be read from environment variable SMTP_PASSWORD: it is not set',
    });
  });

  it('warns, never passes, when only the username is known', () => {
    const outcome = check.evaluate(subject, { password: undefined }, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'SMTP password of gmail-alias was not checked for the version-4 format: the expectations declare no password',
      found: 'no credential.password declared',
      fix: 'Declare where the audit can read the stored SMTP password (credential.password: env, file, secrets_manager or ssm) so it can be checked; for a Gmail alias, whose password Gmail keeps, this stays a warning.',
    });
  });

  it('collects the password from a file, without its final newline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailspec-format-'));
    writeFileSync(join(dir, 'smtp-password'), `${V4}\n`);
    const file = smtpContext(
      `username: { value: AKIAIOSFODNN7EXAMPLE }\npassword: { file: ${join(dir, 'smtp-password')} }`,
    );

    const facts = await check.collect(file.subject, file.ctx);

    expect(check.evaluate(file.subject, facts, file.ctx)).toEqual({
      outcome: 'pass',
      message: `SMTP password of gmail-alias in file ${join(dir, 'smtp-password')} has the version-4 shape (44 characters starting with B)`,
    });
  });
});
