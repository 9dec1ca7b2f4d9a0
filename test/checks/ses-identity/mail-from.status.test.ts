import { describe, expect, it } from 'vitest';
import check from '../../../checks/ses-identity/mail-from.status.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { subjectsFor } from '../../../src/engine/subjects.js';
import { testContext } from '../../support/audit-context.js';

const YAML = `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
    mail_from:
      domain: mail.example.com
      behavior_on_mx_failure: USE_DEFAULT_VALUE
      regions:
        us-west-2: mail-usw2.example.com
`;
const ctx = testContext({ yaml: YAML });
const subjectIn = (region: string) =>
  subjectsFor(ctx.loaded.expectations, 'domain-region').find(
    (s) => (s as SubjectOf<'domain-region'>).region === region,
  ) as SubjectOf<'domain-region'>;
const identity = (MailFromDomain: string, MailFromDomainStatus: string) => ({
  ok: true as const,
  value: {
    MailFromAttributes: {
      MailFromDomain,
      MailFromDomainStatus,
      BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
    },
  },
});

describe('mail-from.status', () => {
  it('passes when the region uses its own declared MAIL FROM domain, verified', () => {
    const outcome = check.evaluate(
      subjectIn('us-west-2'),
      identity('mail-usw2.example.com', 'SUCCESS') as never,
      ctx,
    );

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'example.com in us-west-2 uses the custom MAIL FROM mail-usw2.example.com, verified (SUCCESS)',
      found:
        'MailFromDomain mail-usw2.example.com, MailFromDomainStatus SUCCESS, BehaviorOnMxFailure USE_DEFAULT_VALUE',
    });
  });

  it('fails when the region uses the shared MAIL FROM domain, whose MX SES did not find', () => {
    const outcome = check.evaluate(
      subjectIn('us-west-2'),
      identity('mail.example.com', 'FAILED') as never,
      ctx,
    );

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'the custom MAIL FROM of example.com in us-west-2 uses mail.example.com, not mail-usw2.example.com and is FAILED (SES did not find the MX feedback-smtp.us-west-2.amazonses.com), so SES sends with an amazonses.com envelope sender and SPF does not align',
      expected:
        'MailFromDomain mail-usw2.example.com, MailFromDomainStatus SUCCESS, BehaviorOnMxFailure USE_DEFAULT_VALUE',
      found:
        'MailFromDomain mail.example.com, MailFromDomainStatus FAILED, BehaviorOnMxFailure USE_DEFAULT_VALUE',
    });
  });

  it('fails when the identity has no custom MAIL FROM at all', () => {
    const outcome = check.evaluate(subjectIn('us-east-1'), { ok: true, value: {} } as never, ctx);

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'example.com in us-east-1 has no custom MAIL FROM domain, where mail.example.com is expected',
      expected:
        'MailFromDomain mail.example.com, MailFromDomainStatus SUCCESS, BehaviorOnMxFailure USE_DEFAULT_VALUE',
      found: 'no MailFromAttributes.MailFromDomain',
    });
  });

  it('is inconclusive, naming the permission, when GetEmailIdentity is denied', () => {
    const denied = {
      ok: false,
      kind: 'access-denied',
      errorName: 'AccessDeniedException',
      message: 'denied',
      permission: 'ses:GetEmailIdentity',
    };

    const outcome = check.evaluate(subjectIn('us-east-1'), denied as never, ctx);

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'the MAIL FROM settings of example.com in us-east-1 could not be read: access denied (the audit role needs ses:GetEmailIdentity)',
    });
  });

  it('is inconclusive when MailFromDomainStatus is not a string', () => {
    const outcome = check.evaluate(
      subjectIn('us-west-2'),
      identity('mail-usw2.example.com', true as never) as never,
      ctx,
    );

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetEmailIdentity answer for example.com in us-west-2 has MailFromAttributes.MailFromDomainStatus true (a boolean), not a string',
    });
  });
});
