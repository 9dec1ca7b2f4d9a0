import { DECLARE_PASSWORD } from '../../src/collect/smtp-credentials.js';
import {
  isSmtpPath,
  readCredential,
  smtpPathOf,
  unreadable,
} from '../../src/collect/smtp-credentials.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';
import type { SecretValue } from '../../src/engine/context.js';
import { classifyPassword } from '../../src/smtp/password.js';

export interface PasswordFormatFacts {
  password?: SecretValue;
}

/** Passes when the stored SMTP password has the version-4 shape SES accepts. */
export default defineCheck({
  meta: {
    id: 'smtp.password-format',
    layer: 'smtp-credentials',
    severity: 'high',
    group: 'SMTP credential',
    title: 'password is a version-4 SMTP password',
    remediation:
      'Derive the SMTP password from the secret access key for the path region (mailspec smtp-password --region R) and store that, not the secret key or a version-2 password.',
    reference:
      'https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html#smtp-credentials-convert',
  },
  scope: 'path',
  appliesTo: (subject) => isSmtpPath(subject.sendingPath),
  async collect(subject, ctx): Promise<PasswordFormatFacts> {
    return { password: await readCredential(ctx, smtpPathOf(subject), 'password') };
  },
  evaluate(subject, { password }: PasswordFormatFacts) {
    const { name } = smtpPathOf(subject);
    // Often only the username is known (Gmail keeps the password to itself): say what was
    // left unverified rather than report nothing, which would read like a pass.
    if (!password) {
      return warn(
        `SMTP password of ${name} was not checked for the version-4 format: the expectations declare no password`,
        { found: 'no credential.password declared', fix: DECLARE_PASSWORD },
      );
    }
    if (!password.ok) return inconclusive(unreadable('password', name, password));

    // Only the shape and length are reported: the value itself never leaves this function.
    const expected = 'a version-4 SMTP password: 44 characters starting with B';
    const stored = `SMTP password of ${name} in ${password.where}`;
    switch (classifyPassword(password.value)) {
      case 'v4':
        return pass(`${stored} has the version-4 shape (44 characters starting with B)`);
      case 'v2':
        return fail(
          `${stored} is a version-2 password (starting with A), which SES has refused since 2021`,
          { expected, found: 'version-2 password (0x02 prefix)' },
        );
      case 'secret-key':
        return fail(
          `${stored} is 40 characters like an IAM secret access key, not the SMTP password derived from one`,
          { expected, found: 'a 40-character secret access key' },
        );
      case 'unknown':
        return fail(`${stored} is not an SES SMTP password (${password.value.length} characters)`, {
          expected,
          found: `${password.value.length} characters of an unknown shape`,
        });
    }
  },
});
