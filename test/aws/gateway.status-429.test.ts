import { ListSuppressedDestinationsCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsGateway } from '../../src/aws/gateway.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

/** An error whose code the gateway does not list, answered with HTTP 429. */
const unlisted429 = () =>
  Object.assign(new Error('Rate exceeded'), {
    name: 'SlowDown',
    $metadata: { httpStatusCode: 429 },
  });

describe('gateway HTTP 429', () => {
  it('passes when a 429 with an unlisted code is retried as throttling and recovers', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .rejectsOnce(unlisted429())
      .resolves({ SuppressedDestinationSummaries: [] });
    const aws = createAwsGateway({
      sleep: async () => {},
      limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
    });

    const result = await aws.call('sesv2', 'us-west-2', 'ListSuppressedDestinations');

    expect(result).toEqual({ ok: true, value: { SuppressedDestinationSummaries: [] } });
    expect(ses.commandCalls(ListSuppressedDestinationsCommand)).toHaveLength(2);
  });

  it('fails as throttled when the 429s never stop', async () => {
    ses.on(ListSuppressedDestinationsCommand).rejects(unlisted429());
    const aws = createAwsGateway({
      sleep: async () => {},
      maxAttempts: 4,
      limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
    });

    const result = await aws.call('sesv2', 'us-west-2', 'ListSuppressedDestinations');

    expect(result).toMatchObject({ ok: false, kind: 'throttled', errorName: 'SlowDown' });
    expect(ses.commandCalls(ListSuppressedDestinationsCommand)).toHaveLength(4);
  });
});
