import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import check from '../../../checks/smtp-credentials/smtp.password-region.js';
import { deriveSmtpPassword, deriveSmtpPasswordV2 } from '../../../src/smtp/password.js';
import { smtpContext } from '../../support/smtp-path.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const { subject } = smtpContext();

// The SES documentation's public example secret and its eu-central-1 password.
const SECRET = 'some+secret+key';
const EU_CENTRAL_1 = 'BMXhUYlu5Z3gSXVQORxlVa7XPaz91aGWdfHxvkOZdWZ2';

const password = (value: string) =>
  ({ ok: true, value, where: 'SSM parameter /mail/smtp-password in us-east-1' }) as const;
const secret = {
  ok: true,
  value: SECRET,
  where: 'key secret of Secrets Manager secret mail/smtp-user in us-east-1',
} as const;

describe('smtp.password-region', () => {
  it('passes when the password is derived from the secret for the path region', () => {
    const facts = { password: password(deriveSmtpPassword(SECRET, 'us-east-1')), secret };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'SMTP password of gmail-alias in SSM parameter /mail/smtp-password in us-east-1 is derived from the secret key in key secret of Secrets Manager secret mail/smtp-user in us-east-1 for us-east-1',
    });
  });

  it('fails when the password was derived for another region, naming it', () => {
    const facts = { password: password(EU_CENTRAL_1), secret };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP password of gmail-alias in SSM parameter /mail/smtp-password in us-east-1 was derived for eu-central-1, but the path sends through us-east-1',
      expected: 'the password for us-east-1',
      found: 'the password for eu-central-1',
    });
  });

  it('fails when the password belongs to another secret key in every region', () => {
    const facts = {
      password: password(deriveSmtpPassword('another+secret+key', 'us-east-1')),
      secret,
    };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP password of gmail-alias in SSM parameter /mail/smtp-password in us-east-1 is not derived from the secret key in key secret of Secrets Manager secret mail/smtp-user in us-east-1 for any SES region',
      expected: 'the password for us-east-1',
      found: 'a password of another secret key',
    });
  });

  it('leaves a password that is not version 4 to smtp.password-format', () => {
    const facts = { password: password(deriveSmtpPasswordV2(SECRET)), secret };

    expect(check.evaluate(subject, facts, { now })).toEqual([]);
  });

  it('is inconclusive when the secret key cannot be read', () => {
    const unread = {
      ok: false,
      reason: 'access denied (the audit role needs secretsmanager:GetSecretValue)',
      where: 'Secrets Manager secret mail/smtp-user in us-east-1',
    } as const;

    const outcome = check.evaluate(
      subject,
      { password: password(EU_CENTRAL_1), secret: unread },
      {
        now,
      },
    );

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'SMTP secret access key of gmail-alias could not be read from Secrets Manager secret mail/smtp-user in us-east-1: access denied (the audit role needs secretsmanager:GetSecretValue)',
    });
  });

  it('warns, never passes, when only the username is known', () => {
    const outcome = check.evaluate(subject, {}, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'SMTP password of gmail-alias was not checked against the region us-east-1: the expectations declare no password and no secret access key',
      found: 'no password and no secret access key declared',
      fix: 'Declare where the audit can read the stored SMTP password and the secret access key it was derived from (credential.password and credential.secret_access_key), so the region of the derivation can be checked.',
    });
  });

  it('warns when the password is known but not the secret key it comes from', () => {
    const outcome = check.evaluate(subject, { password: password(EU_CENTRAL_1) }, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'SMTP password of gmail-alias was not checked against the region us-east-1: the expectations declare no secret access key',
      found: 'no secret access key declared',
      fix: 'Declare where the audit can read the stored SMTP password and the secret access key it was derived from (credential.password and credential.secret_access_key), so the region of the derivation can be checked.',
    });
  });

  it('warns when the secret key is known but not the stored password', () => {
    const outcome = check.evaluate(subject, { secret }, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'SMTP password of gmail-alias was not checked against the region us-east-1: the expectations declare no password',
      found: 'no password declared',
      fix: 'Declare where the audit can read the stored SMTP password and the secret access key it was derived from (credential.password and credential.secret_access_key), so the region of the derivation can be checked.',
    });
  });

  it('collects both parts from a JSON file and names the region the password is for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailspec-region-'));
    const file = join(dir, 'smtp.json');
    writeFileSync(file, JSON.stringify({ password: EU_CENTRAL_1, secret: SECRET }));
    const stored = smtpContext(
      [
        'username: { value: AKIAIOSFODNN7EXAMPLE }',
        `password: { file: ${file}, json_key: password }`,
        `secret_access_key: { file: ${file}, json_key: secret }`,
      ].join('\n'),
    );

    const facts = await check.collect(stored.subject, stored.ctx);

    expect(check.evaluate(stored.subject, facts, stored.ctx)).toEqual({
      outcome: 'fail',
      message: `SMTP password of gmail-alias in key password of file ${file} was derived for eu-central-1, but the path sends through us-east-1`,
      expected: 'the password for us-east-1',
      found: 'the password for eu-central-1',
    });
  });
});
