import {
  isSmtpPath,
  readCredential,
  smtpPathOf,
  unreadable,
} from '../../src/collect/smtp-credentials.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';
import type { SecretValue } from '../../src/engine/context.js';
import { classifyPassword, regionOfPassword } from '../../src/smtp/password.js';

export interface PasswordRegionFacts {
  password?: SecretValue;
  secret?: SecretValue;
}

/**
 * Passes when the stored SMTP password is the one derived from the stored secret access
 * key for the path's region (version-4 passwords differ in every region).
 */
export default defineCheck({
  meta: {
    id: 'smtp.password-region',
    layer: 'smtp-credentials',
    severity: 'high',
    group: 'SMTP credential',
    title: 'password is derived for the path region',
    remediation:
      'Derive the SMTP password again for the region the path connects to (mailspec smtp-password --region R) and replace the stored one.',
    reference:
      'https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html#smtp-credentials-convert',
  },
  scope: 'path',
  appliesTo: (subject) => isSmtpPath(subject.sendingPath),
  async collect(subject, ctx): Promise<PasswordRegionFacts> {
    const path = smtpPathOf(subject);
    const [password, secret] = await Promise.all([
      readCredential(ctx, path, 'password'),
      readCredential(ctx, path, 'secret_access_key'),
    ]);
    return { password, secret };
  },
  evaluate(subject, { password, secret }: PasswordRegionFacts) {
    const { name, region } = smtpPathOf(subject);
    if (!password || !secret) {
      const missing = [!password && 'no password', !secret && 'no secret access key'];
      return warn(
        `SMTP password of ${name} was not checked against the region ${region}: the expectations declare ${missing.filter(Boolean).join(' and ')}`,
        {
          found: `${missing.filter(Boolean).join(' and ')} declared`,
          fix: 'Declare where the audit can read the stored SMTP password and the secret access key it was derived from (credential.password and credential.secret_access_key), so the region of the derivation can be checked.',
        },
      );
    }
    if (!password.ok) return inconclusive(unreadable('password', name, password));
    if (!secret.ok) return inconclusive(unreadable('secret access key', name, secret));
    // Another shape is smtp.password-format's finding; a region only exists for version 4.
    if (classifyPassword(password.value) !== 'v4') return [];

    const stored = `SMTP password of ${name} in ${password.where}`;
    const derivedFor = regionOfPassword(secret.value, password.value);
    if (derivedFor === region) {
      return pass(`${stored} is derived from the secret key in ${secret.where} for ${region}`);
    }
    if (derivedFor) {
      return fail(`${stored} was derived for ${derivedFor}, but the path sends through ${region}`, {
        expected: `the password for ${region}`,
        found: `the password for ${derivedFor}`,
      });
    }
    return fail(
      `${stored} is not derived from the secret key in ${secret.where} for any SES region`,
      { expected: `the password for ${region}`, found: 'a password of another secret key' },
    );
  },
});
