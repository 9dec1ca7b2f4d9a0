import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectPrediction } from '../../src/collect/prediction.js';
import { fakeDns, testContext } from '../support/audit-context.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

const YAML = `source: live
domains:
  - domain: example.com
    regions: [us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
    region: us-west-2
    from: admin@example.com
`;
const txt = (text: string) => ({ status: 'ok' as const, records: [[text]] });
const AMAZONSES_SPF = txt('v=spf1 ip4:54.240.0.0/18 -all');

function context(spf: string) {
  const dns = fakeDns({
    '_dmarc.example.com TXT': txt('v=DMARC1; p=reject'),
    'mail.example.com TXT': txt(spf),
    'amazonses.com TXT': AMAZONSES_SPF,
  });
  const ctx = testContext({ yaml: YAML, dns });
  return { ctx, path: ctx.loaded.expectations.sending_paths[0] };
}
const identity = (MailFromDomainStatus: 'SUCCESS' | 'FAILED') => ({
  VerificationStatus: 'SUCCESS' as const,
  MailFromAttributes: {
    MailFromDomain: 'mail.example.com',
    MailFromDomainStatus,
    BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' as const,
  },
});

describe('collectPrediction', () => {
  it('passes when SPF of the custom MAIL FROM is evaluated for an SES address', async () => {
    ses.on(GetEmailIdentityCommand).resolves(identity('SUCCESS'));
    const { ctx, path } = context('v=spf1 include:amazonses.com -all');

    const facts = await collectPrediction(ctx, path);

    expect(facts.spf).toBe('pass');
    expect(facts.dmarc).toMatchObject({ status: 'found', name: '_dmarc.example.com' });
    expect(facts.identityDomain).toBe('example.com');
  });

  it('fails when the SPF policy of the custom MAIL FROM does not authorize SES', async () => {
    ses.on(GetEmailIdentityCommand).resolves(identity('SUCCESS'));
    const { ctx, path } = context('v=spf1 ip4:192.0.2.0/24 -all');

    const facts = await collectPrediction(ctx, path);

    expect(facts.spf).toBe('fail');
  });

  it('passes when the MAIL FROM falls back, without evaluating SPF', async () => {
    ses.on(GetEmailIdentityCommand).resolves(identity('FAILED'));
    const asked: string[] = [];
    const { ctx, path } = context('v=spf1 include:amazonses.com -all');
    const dns = ctx.dns;
    ctx.dns = {
      query: (name, type) => {
        asked.push(`${name} ${type}`);
        return dns.query(name, type);
      },
    };

    const facts = await collectPrediction(ctx, path);

    expect(facts.spf).toBeUndefined();
    expect(asked).toEqual(['_dmarc.example.com TXT']);
  });

  it('fails when the sending region is unknown, asking SES nothing', async () => {
    const ctx = testContext({
      yaml: YAML.replace('    region: us-west-2\n', ''),
      dns: fakeDns(),
    });

    const facts = await collectPrediction(ctx, ctx.loaded.expectations.sending_paths[0]);

    expect(facts).toEqual({
      setup: { ok: false, reason: 'bulk-sender declares neither region nor lambda' },
    });
    expect(ses.commandCalls(GetEmailIdentityCommand)).toHaveLength(0);
  });
});
