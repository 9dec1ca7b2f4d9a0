import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check from '../../../checks/dns/dkim.cnames-published.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { fakeDns, testContext } from '../../support/audit-context.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

const subject = {
  scope: 'domain-region',
  domain: { domain: 'example.com', regions: ['us-east-1'], dkim: { required: true } },
  region: 'us-east-1',
  path: ['domains', 0],
} as unknown as SubjectOf<'domain-region'>;
const token = 'k3mcu6u3l3ybv6xg2yyhmwlgthwrfmqa';

describe('dkim.cnames-published', () => {
  it('passes when the token CNAME points at the DKIM target of the region', async () => {
    ses.on(GetEmailIdentityCommand).resolves({
      DkimAttributes: { Status: 'SUCCESS', Tokens: [token], SigningAttributesOrigin: 'AWS_SES' },
    });
    const dns = fakeDns({
      [`${token}._domainkey.example.com CNAME`]: {
        status: 'ok',
        records: [`${token}.dkim.amazonses.com`],
      },
    });
    const ctx = testContext({ dns });

    const facts = await check.collect(subject, ctx);
    const outcomes = check.evaluate(subject, facts, ctx);

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message:
          'DKIM token k3mc… of example.com in us-east-1 is published: k3mc…._domainkey.example.com is a CNAME to k3mc….dkim.amazonses.com',
        item: token,
        found: `CNAME ${token}._domainkey.example.com → ${token}.dkim.amazonses.com`,
      },
    ]);
  });

  it('is inconclusive when Easy DKIM is SUCCESS yet lists no tokens, instead of vanishing', async () => {
    ses.on(GetEmailIdentityCommand).resolves({
      DkimAttributes: { Status: 'SUCCESS', Tokens: [], SigningAttributesOrigin: 'AWS_SES' },
    });
    const ctx = testContext();

    const facts = await check.collect(subject, ctx);
    const outcomes = check.evaluate(subject, facts, ctx);

    expect(outcomes).toEqual({
      outcome: 'inconclusive',
      message:
        'GetEmailIdentity answer for example.com in us-east-1 has DkimAttributes.Status SUCCESS and no Tokens, which Easy DKIM never answers',
    });
  });

  it('passes with no finding when DKIM was never started and has no tokens', async () => {
    ses.on(GetEmailIdentityCommand).resolves({ DkimAttributes: { Status: 'NOT_STARTED' } });
    const ctx = testContext();

    const facts = await check.collect(subject, ctx);

    expect(check.evaluate(subject, facts, ctx)).toEqual([]);
  });

  it('is inconclusive when a token is not a string', async () => {
    ses.on(GetEmailIdentityCommand).resolves({
      DkimAttributes: { Status: 'SUCCESS', Tokens: [7] },
    } as never);
    const ctx = testContext();

    const facts = await check.collect(subject, ctx);

    expect(check.evaluate(subject, facts, ctx)).toEqual({
      outcome: 'inconclusive',
      message:
        'GetEmailIdentity answer for example.com in us-east-1 has DkimAttributes.Tokens a list of 1 (7), not a list of strings',
    });
  });
});
