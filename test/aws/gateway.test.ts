import { Route53Client, GetHostedZoneCommand } from '@aws-sdk/client-route-53';
import {
  GetAccountCommand,
  GetEmailIdentityCommand,
  ListSuppressedDestinationsCommand,
  SESv2Client,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAwsGateway, describeFailure } from '../../src/aws/gateway.js';

const ses = mockClient(SESv2Client);
const route53 = mockClient(Route53Client);
afterEach(() => {
  ses.reset();
  route53.reset();
  vi.unstubAllEnvs();
});

const awsError = (name: string, httpStatusCode = 400) =>
  Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode } });

const FAST = { perSecond: 10_000, concurrency: 10 };

function gateway(maxAttempts = 3) {
  const sleeps: number[] = [];
  // Pacing is lifted so no test waits on the clock; backoff sleeps are recorded, not slept.
  const aws = createAwsGateway({
    maxAttempts,
    sleep: async (ms) => void sleeps.push(ms),
    limits: { sesv2: FAST, route53: FAST },
  });
  return { aws, sleeps };
}

describe('createAwsGateway', () => {
  it('passes when each distinct input is sent once, whatever its key order', async () => {
    ses.on(GetEmailIdentityCommand).resolves({ VerificationStatus: 'SUCCESS' });
    ses.on(ListSuppressedDestinationsCommand).resolves({ SuppressedDestinationSummaries: [] });
    const { aws } = gateway();

    const answers = await Promise.all([
      aws.call('sesv2', 'us-east-1', 'GetEmailIdentity', { EmailIdentity: 'example.com' }),
      aws.call('sesv2', 'us-east-1', 'GetEmailIdentity', { EmailIdentity: 'example.com' }),
      aws.call('sesv2', 'us-east-1', 'GetEmailIdentity', { EmailIdentity: 'example.org' }),
      aws.call('sesv2', 'us-west-2', 'GetEmailIdentity', { EmailIdentity: 'example.com' }),
      aws.call('sesv2', 'us-east-1', 'ListSuppressedDestinations', {
        PageSize: 10,
        Reasons: ['BOUNCE'],
      }),
      aws.call('sesv2', 'us-east-1', 'ListSuppressedDestinations', {
        Reasons: ['BOUNCE'],
        PageSize: 10,
      }),
    ]);

    expect(answers[0]).toEqual({ ok: true, value: { VerificationStatus: 'SUCCESS' } });
    expect(answers[4]).toBe(answers[5]);
    expect(ses.commandCalls(GetEmailIdentityCommand)).toHaveLength(3);
    expect(ses.commandCalls(ListSuppressedDestinationsCommand)).toHaveLength(1);
    expect(aws.stats()).toEqual({ callsMade: 4, callsDistinct: 4, retries: 0 });
  });

  it('passes when a global service is asked once whatever region the collector names', async () => {
    route53.on(GetHostedZoneCommand).resolves({});
    const { aws } = gateway();

    await aws.call('route53', 'us-east-1', 'GetHostedZone', { Id: 'Z1' });
    await aws.call('route53', 'eu-west-1', 'GetHostedZone', { Id: 'Z1' });

    expect(route53.commandCalls(GetHostedZoneCommand)).toHaveLength(1);
  });

  it('fails as not-found, a fact rather than a failure to check', async () => {
    ses.on(GetEmailIdentityCommand).rejects(awsError('NotFoundException', 404));

    const result = await gateway().aws.call('sesv2', 'us-east-1', 'GetEmailIdentity', {});

    expect(result).toEqual({
      ok: false,
      kind: 'not-found',
      errorName: 'NotFoundException',
      message: 'NotFoundException message',
      permission: 'ses:GetEmailIdentity',
    });
  });

  it('fails as access-denied naming the permission the audit role needs', async () => {
    ses.on(GetAccountCommand).rejects(awsError('AccessDeniedException', 403));

    const result = await gateway().aws.call('sesv2', 'us-east-1', 'GetAccount');

    expect(result.ok ? 'ok' : describeFailure(result)).toBe(
      'access denied (the audit role needs ses:GetAccount)',
    );
  });

  it('passes when throttling is retried with backoff and then recovers', async () => {
    ses
      .on(GetAccountCommand)
      .rejectsOnce(awsError('TooManyRequestsException', 429))
      .rejectsOnce(awsError('ThrottlingException', 400))
      .resolves({ SendingEnabled: true });
    const { aws, sleeps } = gateway(3);

    const result = await aws.call('sesv2', 'us-east-1', 'GetAccount');

    expect(result).toEqual({ ok: true, value: { SendingEnabled: true } });
    expect(sleeps).toHaveLength(2);
    expect(aws.stats()).toEqual({ callsMade: 1, callsDistinct: 1, retries: 2 });
  });

  it('fails as throttled when throttling never stops', async () => {
    ses.on(GetAccountCommand).rejects(awsError('ThrottlingException'));
    const { aws } = gateway(3);

    const result = await aws.call('sesv2', 'us-east-1', 'GetAccount');

    expect(result.ok ? 'ok' : describeFailure(result)).toBe(
      'throttled by AWS after retries (ses:GetAccount)',
    );
    expect(ses.commandCalls(GetAccountCommand)).toHaveLength(3);
  });

  it('fails as no-credentials when the credential chain finds none', async () => {
    ses.on(GetAccountCommand).rejects(awsError('CredentialsProviderError'));

    const result = await gateway().aws.call('sesv2', 'us-east-1', 'GetAccount');

    expect(result.ok ? 'ok' : describeFailure(result)).toBe(
      'no AWS credentials were found (set a profile, role or environment credentials)',
    );
  });

  it('fails when asked for an operation that is not a listed read command', async () => {
    const { aws } = gateway();

    await expect(aws.call('sesv2', 'us-east-1', 'SendEmail', {})).rejects.toThrow(
      'ses:SendEmail is not a read command the audit may send',
    );
    expect(ses.calls()).toHaveLength(0);
  });

  it('passes when AWS_ENDPOINT_URL_SESV2 and AWS_ENDPOINT_URL reach the clients it makes', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_SESV2', 'http://127.0.0.1:4566');
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:4599');
    const endpointOf = async (_input: object, getClient: () => unknown) => {
      const config = (getClient() as { config: { serviceConfiguredEndpoint(): Promise<string> } })
        .config;
      return { endpoint: await config.serviceConfiguredEndpoint() };
    };
    ses.on(GetAccountCommand).callsFake(endpointOf);
    route53.on(GetHostedZoneCommand).callsFake(endpointOf);
    const { aws } = gateway();

    const sesEndpoint = await aws.call('sesv2', 'us-east-1', 'GetAccount');
    const route53Endpoint = await aws.call('route53', 'us-east-1', 'GetHostedZone', { Id: 'Z1' });

    expect(sesEndpoint).toEqual({ ok: true, value: { endpoint: 'http://127.0.0.1:4566' } });
    expect(route53Endpoint).toEqual({ ok: true, value: { endpoint: 'http://127.0.0.1:4599' } });
  });
});
