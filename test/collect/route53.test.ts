import {
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bareZoneId,
  collectHostedZone,
  collectZoneRecords,
  dnsName,
  zoneValues,
} from '../../src/collect/route53.js';
import { testContext } from '../support/audit-context.js';

const route53 = mockClient(Route53Client);
afterEach(() => route53.reset());

const domain = {
  domain: 'example.com',
  regions: ['us-east-1'],
  route53: { hosted_zone: 'auto' },
} as never;

function zone(id: string, nameServers: string[], privateZone = false) {
  return {
    HostedZone: {
      Id: `/hostedzone/${id}`,
      Name: 'example.com.',
      CallerReference: id,
      Config: { PrivateZone: privateZone },
    },
    DelegationSet: { NameServers: nameServers },
  };
}

describe('collectHostedZone', () => {
  it('passes when auto finds the public zone first and names a second public zone', async () => {
    route53.on(ListHostedZonesByNameCommand, { DNSName: 'example.com' }).resolves({
      HostedZones: [
        {
          Id: '/hostedzone/ZPRIVATE',
          Name: 'example.com.',
          CallerReference: 'a',
          Config: { PrivateZone: true },
        },
        {
          Id: '/hostedzone/ZPUBLIC1',
          Name: 'example.com.',
          CallerReference: 'b',
          Config: { PrivateZone: false },
        },
        {
          Id: '/hostedzone/ZPUBLIC2',
          Name: 'example.com.',
          CallerReference: 'c',
          Config: { PrivateZone: false },
        },
        {
          Id: '/hostedzone/ZOTHER',
          Name: 'example.net.',
          CallerReference: 'd',
          Config: { PrivateZone: false },
        },
      ],
    });
    route53
      .on(GetHostedZoneCommand, { Id: 'ZPUBLIC1' })
      .resolves(zone('ZPUBLIC1', ['NS-2.AWSDNS-00.COM.', 'ns-1.awsdns-00.org']));
    route53
      .on(GetHostedZoneCommand, { Id: 'ZPUBLIC2' })
      .resolves(zone('ZPUBLIC2', ['ns-9.awsdns-09.net']));

    const facts = await collectHostedZone(testContext(), domain);

    expect(facts).toEqual({
      ok: true,
      zone: {
        id: 'ZPUBLIC1',
        name: 'example.com',
        private: false,
        nameServers: ['ns-1.awsdns-00.org', 'ns-2.awsdns-00.com'],
      },
      others: [
        {
          id: 'ZPUBLIC2',
          name: 'example.com',
          private: false,
          nameServers: ['ns-9.awsdns-09.net'],
        },
      ],
    });
  });

  it('fails when no zone has the domain name', async () => {
    route53.on(ListHostedZonesByNameCommand).resolves({
      HostedZones: [{ Id: '/hostedzone/ZOTHER', Name: 'example.net.', CallerReference: 'd' }],
    });

    const facts = await collectHostedZone(testContext(), domain);

    expect(facts).toEqual({
      ok: false,
      missing: true,
      reason: 'no hosted zone is named example.com',
    });
  });

  it('fails when the declared zone id does not exist', async () => {
    route53
      .on(GetHostedZoneCommand)
      .rejects(
        Object.assign(new Error('No hosted zone found with ID: Z9'), { name: 'NoSuchHostedZone' }),
      );

    const facts = await collectHostedZone(testContext(), {
      ...(domain as object),
      route53: { hosted_zone: '/hostedzone/Z9' },
    } as never);

    expect(facts).toEqual({ ok: false, missing: true, reason: 'hosted zone Z9 does not exist' });
    expect(route53.commandCalls(GetHostedZoneCommand)[0].args[0].input).toEqual({ Id: 'Z9' });
  });
});

describe('collectZoneRecords', () => {
  it('passes when every page is followed to the last one', async () => {
    const first = {
      Name: 'example.com.',
      Type: 'TXT' as const,
      TTL: 300,
      ResourceRecords: [{ Value: '"v=spf1 -all"' }],
    };
    const second = {
      Name: 'mail.example.com.',
      Type: 'MX' as const,
      TTL: 300,
      ResourceRecords: [{ Value: '10 feedback-smtp.us-east-1.amazonses.com' }],
    };
    route53.on(ListResourceRecordSetsCommand, { HostedZoneId: 'Z1' }, true).resolves({
      ResourceRecordSets: [first],
      IsTruncated: true,
      NextRecordName: 'mail.example.com.',
      NextRecordType: 'MX',
      MaxItems: 1,
    });
    route53
      .on(
        ListResourceRecordSetsCommand,
        { HostedZoneId: 'Z1', StartRecordName: 'mail.example.com.', StartRecordType: 'MX' },
        true,
      )
      .resolves({
        ResourceRecordSets: [second],
        IsTruncated: false,
        MaxItems: 1,
      });

    const records = await collectZoneRecords(testContext(), 'Z1');

    expect(records).toEqual({ ok: true, value: [first, second] });
    expect(route53.commandCalls(ListResourceRecordSetsCommand)).toHaveLength(2);
  });
  it('fails when a record set holds its values as a string, naming the set', async () => {
    route53.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [{ Name: 'example.com.', Type: 'MX', TTL: 300, ResourceRecords: 'x' }],
      IsTruncated: false,
    } as never);

    const records = await collectZoneRecords(testContext(), 'Z1');

    expect(records).toEqual({
      ok: false,
      kind: 'error',
      errorName: 'unusable answer',
      message:
        'ListResourceRecordSets answer for hosted zone Z1 has ResourceRecordSets[0].ResourceRecords "x" (a string), not a list of objects',
      permission: 'route53:ListResourceRecordSets',
    });
  });

  it('fails when the same next page is served twice instead of looping', async () => {
    route53.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [],
      IsTruncated: true,
      NextRecordName: 'mail.example.com.',
      NextRecordType: 'MX',
      MaxItems: 1,
    });

    const records = await collectZoneRecords(testContext(), 'Z1');

    expect(records).toMatchObject({
      ok: false,
      message:
        'ListResourceRecordSets answer for hosted zone Z1 repeats the page {"StartRecordName":"mail.example.com.","StartRecordType":"MX"}',
    });
  });
});

describe('zoneValues', () => {
  it('passes when TXT strings are joined and MX and CNAME read as DNS shows them', () => {
    const records = [
      {
        Name: 'example.com.',
        Type: 'TXT' as const,
        ResourceRecords: [
          { Value: '"v=spf1 include:amazonses.com" " ~all"' },
          { Value: '"say \\"hi\\"\\073"' },
        ],
      },
      {
        Name: 'mail.example.com.',
        Type: 'MX' as const,
        ResourceRecords: [{ Value: '10 Feedback-SMTP.us-east-1.amazonses.com.' }],
      },
      {
        Name: 'a\\052b._domainkey.example.com.',
        Type: 'CNAME' as const,
        ResourceRecords: [{ Value: 'T.dkim.amazonses.com' }],
      },
    ];

    expect(zoneValues(records, 'example.com', 'TXT')).toEqual([
      'v=spf1 include:amazonses.com ~all',
      'say "hi";',
    ]);
    expect(zoneValues(records, 'mail.example.com', 'MX')).toEqual([
      '10 feedback-smtp.us-east-1.amazonses.com',
    ]);
    expect(zoneValues(records, 'a*b._domainkey.example.com', 'CNAME')).toEqual([
      't.dkim.amazonses.com',
    ]);
    expect(bareZoneId('/hostedzone/Z1')).toBe('Z1');
    expect(dnsName('Example.COM.')).toBe('example.com');
  });
});
