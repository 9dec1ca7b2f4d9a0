import {
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check, { type ZoneMatchFacts } from '../../../checks/dns/route53.zone-matches-dns.js';
import type { DnsAnswer } from '../../../src/dns/answer.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { fakeDns, testContext } from '../../support/audit-context.js';

const subject = {
  scope: 'domain',
  domain: {
    domain: 'example.com',
    regions: ['us-east-1', 'us-west-2'],
    route53: { hosted_zone: 'Z1' },
    mail_from: { domain: 'mail.example.com' },
  },
  path: ['domains', 0],
} as unknown as SubjectOf<'domain'>;
const now = { now: () => new Date('2026-11-30T09:00:00Z') };
const ZONE = {
  ok: true as const,
  zone: { id: 'Z1', name: 'example.com', private: false, nameServers: [] },
  others: [],
};

const set = (Name: string, Type: 'MX' | 'TXT' | 'CNAME', ...values: string[]) => ({
  Name,
  Type,
  TTL: 300,
  ResourceRecords: values.map((Value) => ({ Value })),
});
const mx = (name: string, exchange: string): DnsAnswer => ({
  name,
  type: 'MX',
  status: 'ok',
  records: [{ exchange, priority: 10 }],
});
const txt = (name: string, ...records: string[][]): DnsAnswer => ({
  name,
  type: 'TXT',
  status: 'ok',
  records,
});
const absent = (name: string, type: 'CNAME' | 'TXT'): DnsAnswer => ({
  name,
  type,
  status: 'nxdomain',
  records: [],
});

function facts(
  records: ReturnType<typeof set>[],
  relied: ZoneMatchFacts['relied'],
): ZoneMatchFacts {
  return { zone: ZONE, records: { ok: true, value: records }, identities: [], relied };
}

describe('route53.zone-matches-dns', () => {
  it('passes when zone and DNS agree, leaving records absent from both unreported', () => {
    const outcome = check.evaluate(
      subject,
      facts(
        [
          set(
            'example.com.',
            'TXT',
            '"google-site-verification=x"',
            '"v=spf1 include:amazonses.com" " ~all"',
          ),
        ],
        [
          {
            name: 'example.com',
            type: 'TXT',
            tag: 'v=spf1',
            answer: txt('example.com', ['v=spf1 include:amazonses.com', ' ~all']),
          },
          {
            name: 'tok._domainkey.example.com',
            type: 'CNAME',
            answer: absent('tok._domainkey.example.com', 'CNAME'),
          },
        ],
      ),
      now,
    );

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'hosted zone Z1 and public DNS agree on the 1 record(s) example.com relies on',
    });
  });

  it('fails when zone and DNS hold different MAIL FROM MX records, saying which holds what', () => {
    const outcome = check.evaluate(
      subject,
      facts(
        [set('mail.example.com.', 'MX', '10 feedback-smtp.us-west-2.amazonses.com')],
        [
          {
            name: 'mail.example.com',
            type: 'MX',
            answer: mx('mail.example.com', 'feedback-smtp.us-east-1.amazonses.com'),
          },
        ],
      ),
      now,
    );

    expect(outcome).toEqual([
      {
        outcome: 'fail',
        message:
          'MX mail.example.com differs between hosted zone Z1 and public DNS: the zone holds "10 feedback-smtp.us-west-2.amazonses.com", DNS answers "10 feedback-smtp.us-east-1.amazonses.com"',
        item: 'MX mail.example.com',
        expected: 'the zone\'s "10 feedback-smtp.us-west-2.amazonses.com"',
        found: 'DNS: "10 feedback-smtp.us-east-1.amazonses.com"',
      },
    ]);
  });

  it('fails when the zone holds a DMARC record public DNS does not serve', () => {
    const outcome = check.evaluate(
      subject,
      facts(
        [set('_dmarc.example.com.', 'TXT', '"v=DMARC1; p=reject"')],
        [
          {
            name: '_dmarc.example.com',
            type: 'TXT',
            tag: 'v=DMARC1',
            answer: absent('_dmarc.example.com', 'TXT'),
          },
        ],
      ),
      now,
    );

    expect(outcome).toMatchObject([
      {
        outcome: 'fail',
        message:
          'TXT _dmarc.example.com differs between hosted zone Z1 and public DNS: the zone holds "v=DMARC1; p=reject", DNS answers NXDOMAIN',
      },
    ]);
  });

  it('fails as inconclusive when DNS fails or the DKIM tokens of a region cannot be read', () => {
    const outcome = check.evaluate(
      subject,
      {
        ...facts(
          [],
          [
            {
              name: 'example.com',
              type: 'TXT',
              tag: 'v=spf1',
              answer: { name: 'example.com', type: 'TXT', status: 'servfail', records: [] },
            },
          ],
        ),
        identities: [
          {
            region: 'us-west-2',
            identity: {
              ok: false,
              kind: 'throttled',
              errorName: 'TooManyRequestsException',
              message: 'slow down',
              permission: 'ses:GetEmailIdentity',
            },
          },
        ],
      },
      now,
    );

    expect(outcome).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'the DKIM tokens of example.com in us-west-2 could not be read: throttled by AWS after retries (ses:GetEmailIdentity)',
        item: 'DKIM tokens us-west-2',
      },
      {
        outcome: 'inconclusive',
        message: 'TXT example.com could not be resolved (SERVFAIL)',
        item: 'TXT example.com',
      },
    ]);
  });
  it('is inconclusive when an identity with DKIM SUCCESS lists no Easy DKIM tokens', () => {
    const outcome = check.evaluate(
      subject,
      {
        ...facts([], []),
        identities: [
          {
            region: 'us-east-1',
            identity: { ok: true, value: { DkimAttributes: { Status: 'SUCCESS', Tokens: [] } } },
          },
        ],
      },
      now,
    );

    expect(outcome).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'GetEmailIdentity answer for example.com in us-east-1 has DkimAttributes.Status SUCCESS and no Tokens, which Easy DKIM never answers',
        item: 'DKIM tokens us-east-1',
      },
    ]);
  });
});

describe('route53.zone-matches-dns collect', () => {
  const ses = mockClient(SESv2Client);
  const route53 = mockClient(Route53Client);
  afterEach(() => {
    ses.reset();
    route53.reset();
  });

  it('passes when the tokens of every region and the MAIL FROM records are compared', async () => {
    ses.on(GetEmailIdentityCommand).callsFake(async (_input, getClient) => {
      const region = await (getClient() as SESv2Client).config.region();
      return { DkimAttributes: { SigningAttributesOrigin: 'AWS_SES', Tokens: [`tok-${region}`] } };
    });
    route53.on(GetHostedZoneCommand).resolves({
      HostedZone: { Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'r' },
      DelegationSet: { NameServers: [] },
    });
    route53.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [
        set('tok-us-east-1._domainkey.example.com.', 'CNAME', 'tok-us-east-1.dkim.amazonses.com'),
      ],
      IsTruncated: false,
      MaxItems: 300,
    });
    const dns = fakeDns({
      'tok-us-east-1._domainkey.example.com CNAME': {
        status: 'ok',
        records: ['tok-us-east-1.dkim.amazonses.com'],
      },
    });

    const ctx = testContext({ dns });
    const outcome = check.evaluate(subject, await check.collect(subject, ctx), now);

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'hosted zone Z1 and public DNS agree on the 1 record(s) example.com relies on',
    });
    expect(ses.commandCalls(GetEmailIdentityCommand)).toHaveLength(2);
  });
});
