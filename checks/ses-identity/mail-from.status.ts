import { mailFromFor } from '../../src/config/mail-from.js';
import { describeFailure } from '../../src/aws/gateway.js';
import { fields, text } from '../../src/collect/fields.js';
import { collectIdentity, identityAnswer, type IdentityFacts } from '../../src/collect/identity.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import { feedbackMx } from '../../src/ses/regions.js';

/**
 * What a MailFromDomainStatus means, and what SES does with mail while it is not SUCCESS,
 * per BehaviorOnMxFailure (SES API v2 reference, MailFromAttributes).
 */
const STATUS_MEANING: Record<string, (region: string) => string> = {
  PENDING: () => 'SES has not looked for its MX yet',
  FAILED: (region) => `SES did not find the MX ${feedbackMx(region)}`,
  TEMPORARY_FAILURE: () => 'a temporary problem kept SES from reading its MX',
};
const BEHAVIOR_MEANING: Record<string, string> = {
  USE_DEFAULT_VALUE: 'SES sends with an amazonses.com envelope sender and SPF does not align',
  REJECT_MESSAGE: 'SES rejects every send with MailFromDomainNotVerified',
};

/**
 * Passes when the identity uses the declared custom MAIL FROM domain in the region, SES found
 * its MX (MailFromDomainStatus SUCCESS), and BehaviorOnMxFailure is the one declared.
 */
export default defineCheck({
  meta: {
    id: 'mail-from.status',
    layer: 'ses-identity',
    severity: 'high',
    group: 'MAIL FROM',
    title: 'custom MAIL FROM domain is set and verified',
    remediation:
      'Set the custom MAIL FROM domain of the identity in this region to the declared domain, publish its MX to the feedback endpoint of this region, and set the declared behavior on MX failure.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/mail-from.html',
  },
  scope: 'domain-region',
  appliesTo: (subject) => subject.domain.mail_from !== undefined,
  collect: (subject, ctx) => collectIdentity(ctx, subject.domain.domain, subject.region),
  evaluate({ domain: expectation, region }, identity: IdentityFacts) {
    const { domain, mail_from } = expectation;
    const wantedDomain = mailFromFor(expectation, region);
    if (!mail_from || !wantedDomain) return [];
    // A missing identity is reported once, by identity.verified, not again per attribute.
    if (!identity.ok && identity.kind === 'not-found') return [];
    if (!identity.ok) {
      const reason = describeFailure(identity);
      return inconclusive(
        `the MAIL FROM settings of ${domain} in ${region} could not be read: ${reason}`,
      );
    }

    const read = fields(identity.value, {
      used: ['MailFromAttributes.MailFromDomain', text],
      status: ['MailFromAttributes.MailFromDomainStatus', text],
      behavior: ['MailFromAttributes.BehaviorOnMxFailure', text],
    });
    if (!read.ok) return inconclusive(`${identityAnswer(domain, region)} has ${read.problem}`);
    const { status = 'none', behavior = 'none' } = read.value;
    const used = read.value.used?.toLowerCase();
    const wantedBehavior = mail_from.behavior_on_mx_failure;
    const expected = [
      `MailFromDomain ${wantedDomain}`,
      'MailFromDomainStatus SUCCESS',
      ...(wantedBehavior ? [`BehaviorOnMxFailure ${wantedBehavior}`] : []),
    ].join(', ');
    const found = used
      ? `MailFromDomain ${used}, MailFromDomainStatus ${status}, BehaviorOnMxFailure ${behavior}`
      : 'no MailFromAttributes.MailFromDomain';

    if (!used) {
      return fail(
        `${domain} in ${region} has no custom MAIL FROM domain, where ${wantedDomain} is expected`,
        { expected, found },
      );
    }

    const problems: string[] = [];
    if (used !== wantedDomain) problems.push(`uses ${used}, not ${wantedDomain}`);
    if (status !== 'SUCCESS') {
      const meaning = STATUS_MEANING[status]?.(region) ?? 'SES does not use it';
      const effect = BEHAVIOR_MEANING[behavior] ?? `SES applies ${behavior}`;
      problems.push(`is ${status} (${meaning}), so ${effect}`);
    }
    if (wantedBehavior && behavior !== wantedBehavior) {
      problems.push(`has BehaviorOnMxFailure ${behavior}, not ${wantedBehavior}`);
    }

    if (problems.length > 0) {
      return fail(`the custom MAIL FROM of ${domain} in ${region} ${problems.join(' and ')}`, {
        expected,
        found,
      });
    }
    return pass(`${domain} in ${region} uses the custom MAIL FROM ${used}, verified (SUCCESS)`, {
      found,
    });
  },
});
