import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/mail-from.mx.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { subjectsFor } from '../../../src/engine/subjects.js';
import { fakeDns, testContext } from '../../support/audit-context.js';

const EXPECTATIONS = (mailFrom: string) => `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
    mail_from:
${mailFrom}
`;
const mx = (...exchanges: string[]) => ({
  status: 'ok' as const,
  records: exchanges.map((exchange) => ({ exchange, priority: 10 })),
});

async function judge(mailFrom: string, answers: Parameters<typeof fakeDns>[0], region: string) {
  const ctx = testContext({ dns: fakeDns(answers), yaml: EXPECTATIONS(mailFrom) });
  const subject = subjectsFor(ctx.loaded.expectations, 'domain-region').find(
    (s) => (s as SubjectOf<'domain-region'>).region === region,
  ) as SubjectOf<'domain-region'>;
  return check.evaluate(subject, await check.collect(subject, ctx), ctx);
}

describe('mail-from.mx', () => {
  it('passes when the MAIL FROM MX is the feedback endpoint of the region', async () => {
    const outcome = await judge(
      '      domain: mail.example.com',
      { 'mail.example.com MX': mx('feedback-smtp.us-east-1.amazonses.com') },
      'us-east-1',
    );

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'MAIL FROM domain mail.example.com of example.com has the MX feedback-smtp.us-east-1.amazonses.com that SES in us-east-1 needs',
      found: 'MX feedback-smtp.us-east-1.amazonses.com',
    });
  });

  it('fails when one MAIL FROM domain serves two regions and names the other one', async () => {
    const outcome = await judge(
      '      domain: mail.example.com',
      { 'mail.example.com MX': mx('feedback-smtp.us-east-1.amazonses.com') },
      'us-west-2',
    );

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        "MAIL FROM domain mail.example.com of example.com points at the us-east-1 endpoint feedback-smtp.us-east-1.amazonses.com, not us-west-2's",
      expected: 'MX feedback-smtp.us-west-2.amazonses.com (only)',
      found: 'MX feedback-smtp.us-east-1.amazonses.com',
    });
  });

  it('passes when mail_from.regions gives the second region its own MAIL FROM domain', async () => {
    const outcome = await judge(
      '      domain: mail.example.com\n      regions:\n        us-west-2: mail-usw2.example.com',
      {
        'mail.example.com MX': mx('feedback-smtp.us-east-1.amazonses.com'),
        'mail-usw2.example.com MX': mx('feedback-smtp.us-west-2.amazonses.com'),
      },
      'us-west-2',
    );

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'MAIL FROM domain mail-usw2.example.com of example.com has the MX feedback-smtp.us-west-2.amazonses.com that SES in us-west-2 needs',
      found: 'MX feedback-smtp.us-west-2.amazonses.com',
    });
  });

  it('fails when the MAIL FROM domain has no MX, naming the answer', async () => {
    const outcome = await judge('      domain: mail.example.com', {}, 'us-east-1');

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'MAIL FROM domain mail.example.com of example.com has no MX record (NXDOMAIN), where SES in us-east-1 needs feedback-smtp.us-east-1.amazonses.com',
      expected: 'MX feedback-smtp.us-east-1.amazonses.com (only)',
      found: 'NXDOMAIN',
    });
  });

  it('is inconclusive, never a pass, when the MX query times out', async () => {
    const outcome = await judge(
      '      domain: mail.example.com',
      { 'mail.example.com MX': { status: 'timeout' } },
      'us-east-1',
    );

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'the MX of MAIL FROM domain mail.example.com of example.com could not be resolved (DNS timeout)',
      expected: 'MX feedback-smtp.us-east-1.amazonses.com (only)',
    });
  });
});
