import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsGateway } from '../../src/aws/gateway.js';
import {
  collectAccount,
  collectSandboxRecipients,
  sendingRegion,
} from '../../src/collect/account.js';
import { testContext } from '../support/audit-context.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

const fast = () =>
  createAwsGateway({
    sleep: async () => {},
    limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
  });

const PATHS = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
sending_paths:
  - name: relay
    kind: smtp
    region: us-east-1
    from: admin@example.com
    iam_user: ses-smtp
    credential: {}
    sends_to: [example.net]
  - name: newsletter
    kind: ses-api
    lambda: { function: sender, region: us-east-1 }
    from: admin@example.com
    sends_to: [example.net]
  - name: elsewhere
    kind: ses-api
    region: eu-west-1
    from: admin@example.com
    sends_to: [example.org]
`;

describe('collectAccount', () => {
  it('passes when two collectors in one region share a single GetAccount call', async () => {
    ses.on(GetAccountCommand).resolves({ SendingEnabled: true, EnforcementStatus: 'HEALTHY' });
    const ctx = testContext({ aws: fast() });

    const [first, second] = await Promise.all([
      collectAccount(ctx, 'us-east-1'),
      collectAccount(ctx, 'us-east-1'),
    ]);
    const other = await collectAccount(ctx, 'us-west-2');

    expect(first).toBe(second);
    expect(first).toEqual({
      ok: true,
      value: { SendingEnabled: true, EnforcementStatus: 'HEALTHY' },
    });
    expect(other.ok).toBe(true);
    expect(ses.commandCalls(GetAccountCommand)).toHaveLength(2);
  });
});

describe('collectSandboxRecipients', () => {
  it('passes when each recipient domain of the region is looked up once, naming its paths', async () => {
    ses
      .on(GetEmailIdentityCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' }))
      .on(GetEmailIdentityCommand, { EmailIdentity: 'example.net' })
      .resolves({ VerificationStatus: 'PENDING', VerifiedForSendingStatus: false });
    const ctx = testContext({ yaml: PATHS, aws: fast() });

    const recipients = await collectSandboxRecipients(ctx, 'us-east-1');

    expect(recipients).toEqual([
      { domain: 'example.net', verified: false, via: ['relay', 'newsletter'] },
    ]);
    expect(ses.commandCalls(GetEmailIdentityCommand)).toHaveLength(1);
  });

  it('fails when a recipient identity stays throttled: the domain is unknown, not unverified', async () => {
    ses
      .on(GetEmailIdentityCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' }));
    const ctx = testContext({
      yaml: PATHS,
      aws: createAwsGateway({
        sleep: async () => {},
        maxAttempts: 2,
        limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
      }),
    });

    const recipients = await collectSandboxRecipients(ctx, 'eu-west-1');

    expect(recipients).toEqual([
      {
        domain: 'example.org',
        unknown: 'throttled by AWS after retries (ses:GetEmailIdentity)',
        via: ['elsewhere'],
      },
    ]);
    expect(ses.commandCalls(GetEmailIdentityCommand)).toHaveLength(2);
  });
  it('fails when VerifiedForSendingStatus is a string: the domain is unknown, not verified', async () => {
    ses.on(GetEmailIdentityCommand).resolves({
      VerificationStatus: 'SUCCESS',
      VerifiedForSendingStatus: 'true',
    } as never);
    const ctx = testContext({ yaml: PATHS, aws: fast() });

    const recipients = await collectSandboxRecipients(ctx, 'eu-west-1');

    expect(recipients).toEqual([
      {
        domain: 'example.org',
        unknown:
          'GetEmailIdentity answer for example.org in eu-west-1 has VerifiedForSendingStatus "true" (a string), not true or false',
        via: ['elsewhere'],
      },
    ]);
  });
});

describe('sendingRegion', () => {
  it('passes when a path without a region sends from its Lambda function’s region', () => {
    const { sending_paths: paths } = testContext({ yaml: PATHS }).loaded.expectations;

    expect(paths.map(sendingRegion)).toEqual(['us-east-1', 'us-east-1', 'eu-west-1']);
  });
});
