import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetAccountCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICES } from '../../src/aws/commands.js';
import { parseExpectations } from '../../src/config/load.js';
import { startLoopbackDns } from '../../src/dns/loopback-server.js';
import { Zone } from '../../src/dns/zone.js';
import { audit } from '../../src/engine/audit.js';
import { recordFixture, type RecordedRun } from '../../src/record/record.js';
import { REDACTED } from '../../src/record/redact.js';
import type { CheckResult } from '../../src/types.js';

/**
 * A recording replays to the results of the live run it came from. "Live" AWS is
 * aws-sdk-client-mock (every call not set up below is denied, which the recording keeps as an
 * error), live DNS a loopback server; the replay then runs with neither.
 */
const REAL_ACCOUNT = '987654321098';
// Built at run time so that no tracked file holds a realistic key id (test/github/workflow.test.ts).
const REAL_KEY = ['AKIA', 'Z7Q2XW4REALKEY01'].join('');

const EXPECTATIONS = `version: 1
source: live
domains:
  - domain: example.com
    regions: [us-east-1]
    mail_from:
      domain: mail.example.com
sending_paths:
  - name: relay
    kind: smtp
    region: us-east-1
    from: admin@example.com
    iam_user: ses-smtp-relay
    credential:
      username: { value: ${REAL_KEY} }
  - name: sender
    kind: ses-api
    lambda: { function: campaign-sender, region: us-east-1, from_env: FROM_ADDRESS }
    role_arn: arn:aws:iam::${REAL_ACCOUNT}:role/campaign-sender
    from: admin@example.com
`;

const ZONE = new Zone([
  // The canary a live run asks before it believes any NXDOMAIN (src/dns/canary.ts).
  { name: 'amazonses.com', type: 'TXT', data: 'v=spf1 ip4:54.240.0.0/18 -all' },
  { name: 'example.com', type: 'TXT', data: ['v=spf1 include:amazonses.com', ' -all'] },
  { name: 'example.com', type: 'MX', data: { exchange: 'mx.example.com', priority: 10 } },
  { name: '_dmarc.example.com', type: 'TXT', data: 'v=DMARC1; p=quarantine' },
  {
    name: 'mail.example.com',
    type: 'MX',
    data: { exchange: 'feedback-smtp.us-east-1.amazonses.com', priority: 10 },
  },
  { name: 'tok1._domainkey.example.com', type: 'CNAME', data: 'tok1.dkim.amazonses.com' },
  { name: 'tok2._domainkey.example.com', type: 'TXT', rcode: 'SERVFAIL' },
  { name: 'tok2._domainkey.example.com', type: 'CNAME', rcode: 'SERVFAIL' },
]);

function denied(): Error {
  return Object.assign(new Error('User is not authorized to perform this action'), {
    name: 'AccessDeniedException',
    $metadata: { httpStatusCode: 403 },
  });
}

const NOW = new Date('2026-11-30T09:00:00Z');
const out = join(mkdtempSync(join(tmpdir(), 'mailspec-record-')), 'fixture');
let recorded: RecordedRun;
let replayed: CheckResult[];

beforeAll(async () => {
  const mocks = Object.values(SERVICES).map(({ client }) => {
    const mock = mockClient(client as never);
    mock.onAnyCommand().rejects(denied());
    return mock;
  });
  const [ses, , iam, lambda] = mocks;
  ses.on(GetEmailIdentityCommand as never, { EmailIdentity: 'example.com' }).resolves({
    IdentityType: 'DOMAIN',
    VerificationStatus: 'SUCCESS',
    VerifiedForSendingStatus: true,
    DkimAttributes: { Status: 'SUCCESS', Tokens: ['tok1', 'tok2'], SigningEnabled: true },
    MailFromAttributes: { MailFromDomain: 'mail.example.com', MailFromDomainStatus: 'SUCCESS' },
    Policies: { p: `{"Principal":{"AWS":"arn:aws:iam::${REAL_ACCOUNT}:root"}}` },
  } as never);
  ses.on(GetAccountCommand as never).resolves({
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    EnforcementStatus: 'HEALTHY',
    SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 120 },
  } as never);
  iam.on(ListAccessKeysCommand as never).resolves({
    AccessKeyMetadata: [
      {
        UserName: 'ses-smtp-relay',
        AccessKeyId: REAL_KEY,
        Status: 'Active',
        CreateDate: new Date('2026-10-01T00:00:00Z'),
      },
    ],
  } as never);
  lambda.on(GetFunctionConfigurationCommand as never).resolves({
    FunctionName: 'campaign-sender',
    FunctionArn: `arn:aws:lambda:us-east-1:${REAL_ACCOUNT}:function:campaign-sender`,
    Role: `arn:aws:iam::${REAL_ACCOUNT}:role/campaign-sender`,
    Environment: {
      Variables: {
        FROM_ADDRESS: 'admin@example.com',
        DB_PASSWORD: 'db-pass-Q7x9!live',
        STRIPE_KEY: 'sk_live_51HxQ7example0secret',
      },
    },
  } as never);
  const server = await startLoopbackDns(ZONE);

  try {
    const loaded = parseExpectations(EXPECTATIONS, 'expectations.yaml');
    recorded = await recordFixture(loaded, EXPECTATIONS, out, {
      dnsServers: [server.address],
      now: NOW,
    });
  } finally {
    mocks.forEach((mock) => mock.restore());
    await server.close();
  }

  replayed = (await audit(join(out, 'expectations.yaml'), {}, 'expectations.yaml')).results;
}, 60_000);

afterAll(() => undefined);

/** Results as compared: the file name differs (the fixture has its own copy), lines do not. */
function comparable(results: CheckResult[]) {
  return results.map(({ location, ...rest }) => ({ ...rest, line: location?.line }));
}

describe('record', () => {
  it('passes when replaying the recording gives the results of the live run', () => {
    expect(recorded.results.length).toBeGreaterThan(0);
    expect(comparable(replayed)).toEqual(comparable(recorded.results));
  });

  it('passes when it writes the fixture layout fixture mode reads', () => {
    const files = readdirSync(out, { recursive: true }).map(String).sort();

    expect(files).toEqual(
      expect.arrayContaining([
        'aws',
        'dns',
        'dns/recorded.yaml',
        'recording.json',
        'expectations.yaml',
      ]),
    );
    expect(files.filter((file) => file.startsWith('aws/')).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(out, 'recording.json'), 'utf8')).recorded_at).toBe(
      '2026-11-30T09:00:00.000Z',
    );
  });

  it('passes when the zone keeps SERVFAIL as a failure and answers as records', () => {
    const zone = parse(readFileSync(join(out, 'dns', 'recorded.yaml'), 'utf8')) as {
      name: string;
    }[];

    const failing = zone.filter((record) => record.name === 'tok2._domainkey.example.com');

    expect(zone).toContainEqual({
      name: '_dmarc.example.com',
      type: 'TXT',
      data: ['v=DMARC1; p=quarantine'],
    });
    expect(failing).toEqual([
      { name: 'tok2._domainkey.example.com', type: 'CNAME', rcode: 'SERVFAIL' },
    ]);
  });

  it('fails when a real account id or access key id is left in any recorded file', () => {
    const texts = readdirSync(out, { recursive: true })
      .map(String)
      .filter((file) => /\.(json|yaml)$/.test(file))
      .map((file) => readFileSync(join(out, file), 'utf8'));

    const all = texts.join('\n');

    expect(all).not.toContain(REAL_ACCOUNT);
    expect(all).not.toContain(REAL_KEY);
    expect(all).toContain('arn:aws:iam::000000000001:role/campaign-sender');
    expect(all).toContain('AKIA000000001EXAMPLE');
  });

  it('fails when a Lambda environment value other than the named From variable is recorded', () => {
    const lambda = readFileSync(join(out, 'aws', 'lambda.json'), 'utf8');
    const recording = JSON.parse(readFileSync(join(out, 'recording.json'), 'utf8'));

    const [call] = JSON.parse(lambda);

    expect(lambda).not.toContain('db-pass-Q7x9!live');
    expect(lambda).not.toContain('sk_live_51HxQ7example0secret');
    expect(call.output.Environment.Variables).toEqual({
      FROM_ADDRESS: 'admin@example.com',
      DB_PASSWORD: REDACTED,
      STRIPE_KEY: REDACTED,
    });
    expect(recording.redacted).toEqual([
      'Lambda function campaign-sender in us-east-1: environment variable DB_PASSWORD',
      'Lambda function campaign-sender in us-east-1: environment variable STRIPE_KEY',
    ]);
    expect(recorded.redacted).toEqual(recording.redacted);
  });

  it('passes when the permissions the live run was denied are reported', () => {
    expect(recorded.denied).toContain('iam:GetUser');
    expect(recorded.denied).not.toContain('ses:GetAccount');
  });

  it('fails when recording into a folder that already holds files', async () => {
    const loaded = parseExpectations(EXPECTATIONS, 'expectations.yaml');
    writeFileSync(join(out, 'extra.txt'), 'x');

    await expect(recordFixture(loaded, EXPECTATIONS, out)).rejects.toThrow(
      `record: ${out} already holds files; record into a new folder`,
    );
  });
});
