import {
  GetSuppressedDestinationCommand,
  ListSuppressedDestinationsCommand,
  SESv2Client,
  type ListSuppressedDestinationsCommandInput,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsGateway } from '../../src/aws/gateway.js';
import {
  collectSuppressedDestination,
  countSuppressedDestinations,
} from '../../src/collect/suppression.js';
import { testContext } from '../support/audit-context.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

/** A fast gateway: no-op sleep, and a pace high enough that no test waits on the clock. */
function fastGateway(maxAttempts = 6) {
  return createAwsGateway({
    sleep: async () => {},
    maxAttempts,
    limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
  });
}

function entries(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => ({
    EmailAddress: `customer${from + i}@example.org`,
    Reason: 'COMPLAINT' as const,
    LastUpdateTime: new Date('2026-10-14T16:42:07Z'),
  }));
}

const throttled = () =>
  Object.assign(new Error('Too many requests'), {
    name: 'TooManyRequestsException',
    $metadata: { httpStatusCode: 429 },
  });

describe('countSuppressedDestinations', () => {
  it('passes when every page is followed and thousands of entries are counted exactly', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .callsFake((input: ListSuppressedDestinationsCommandInput) => {
        const page = input.NextToken ? Number(input.NextToken) : 0;
        if (page < 3)
          return {
            SuppressedDestinationSummaries: entries(1000, page * 1000),
            NextToken: String(page + 1),
          };
        return { SuppressedDestinationSummaries: entries(437, 3000) };
      });
    const aws = fastGateway();
    const ctx = testContext({ aws });

    const counted = await countSuppressedDestinations(ctx, 'us-west-2', 'COMPLAINT');

    expect(counted).toEqual({ ok: true, count: 3437, pages: 4 });
    const inputs = ses.commandCalls(ListSuppressedDestinationsCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { Reasons: ['COMPLAINT'], PageSize: 1000, StartDate: undefined, NextToken: undefined },
      { Reasons: ['COMPLAINT'], PageSize: 1000, StartDate: undefined, NextToken: '1' },
      { Reasons: ['COMPLAINT'], PageSize: 1000, StartDate: undefined, NextToken: '2' },
      { Reasons: ['COMPLAINT'], PageSize: 1000, StartDate: undefined, NextToken: '3' },
    ]);
  });

  it('passes when the since date is sent as StartDate and a second count reuses the first', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .resolves({ SuppressedDestinationSummaries: entries(2) });
    const ctx = testContext({ aws: fastGateway() });
    const since = new Date('2026-10-01T00:00:00Z');

    const first = await countSuppressedDestinations(ctx, 'us-east-1', 'BOUNCE', since);
    const second = await countSuppressedDestinations(ctx, 'us-east-1', 'BOUNCE', since);

    expect(first).toEqual({ ok: true, count: 2, pages: 1 });
    expect(second).toBe(first);
    const calls = ses.commandCalls(ListSuppressedDestinationsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toMatchObject({ Reasons: ['BOUNCE'], StartDate: since });
  });

  it('passes when throttling recovers after two refusals (three attempts)', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .resolves({ SuppressedDestinationSummaries: entries(7) });
    const aws = fastGateway();
    const ctx = testContext({ aws });

    const counted = await countSuppressedDestinations(ctx, 'us-west-2', 'COMPLAINT');

    expect(counted).toEqual({ ok: true, count: 7, pages: 1 });
    expect(ses.commandCalls(ListSuppressedDestinationsCommand)).toHaveLength(3);
    expect(aws.stats()).toEqual({ callsMade: 1, callsDistinct: 1, retries: 2 });
  });

  it('fails when throttling never recovers: every attempt is used and no count is given', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .resolvesOnce({ SuppressedDestinationSummaries: entries(1000), NextToken: 'page-2' })
      .rejects(throttled());
    const ctx = testContext({ aws: fastGateway(4) });

    const counted = await countSuppressedDestinations(ctx, 'us-west-2', 'COMPLAINT');

    expect(counted).toMatchObject({
      ok: false,
      pages: 1,
      failure: { kind: 'throttled', permission: 'ses:ListSuppressedDestinations' },
    });
    expect(ses.commandCalls(ListSuppressedDestinationsCommand)).toHaveLength(1 + 4);
  });

  it('fails when access is denied, naming the permission, without retrying', async () => {
    ses.on(ListSuppressedDestinationsCommand).rejects(
      Object.assign(new Error('not authorized to perform: ses:ListSuppressedDestinations'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const ctx = testContext({ aws: fastGateway() });

    const counted = await countSuppressedDestinations(ctx, 'us-west-2', 'COMPLAINT');

    expect(counted).toMatchObject({
      ok: false,
      pages: 0,
      failure: { kind: 'access-denied', permission: 'ses:ListSuppressedDestinations' },
    });
    expect(ses.commandCalls(ListSuppressedDestinationsCommand)).toHaveLength(1);
  });

  it('fails when SES serves the same page token twice instead of looping', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .resolves({ SuppressedDestinationSummaries: entries(1000), NextToken: 'again' });
    const ctx = testContext({ aws: fastGateway() });

    const counted = await countSuppressedDestinations(ctx, 'us-west-2', 'COMPLAINT');

    expect(counted).toEqual({ ok: false, repeatedToken: 'again', pages: 2 });
  });

  it('passes when pages of one region are paced apart from another region’s', async () => {
    const inFlight = new Map<string, number>();
    const most = new Map<string, number>();
    let mostOverall = 0;
    ses.on(ListSuppressedDestinationsCommand).callsFake(async (input, getClient) => {
      const region = await (getClient() as SESv2Client).config.region();
      inFlight.set(region, (inFlight.get(region) ?? 0) + 1);
      most.set(region, Math.max(most.get(region) ?? 0, inFlight.get(region)!));
      mostOverall = Math.max(
        mostOverall,
        [...inFlight.values()].reduce((a, b) => a + b, 0),
      );
      await new Promise((resolve) => setImmediate(resolve));
      inFlight.set(region, inFlight.get(region)! - 1);
      const page = input.NextToken ? Number(input.NextToken) : 0;
      return page < 2
        ? { SuppressedDestinationSummaries: entries(1000), NextToken: String(page + 1) }
        : { SuppressedDestinationSummaries: entries(5) };
    });
    const ctx = testContext({ aws: fastGateway() });

    const counts = await Promise.all([
      countSuppressedDestinations(ctx, 'us-east-1', 'COMPLAINT'),
      countSuppressedDestinations(ctx, 'us-east-1', 'BOUNCE'),
      countSuppressedDestinations(ctx, 'us-west-2', 'COMPLAINT'),
    ]);

    expect(counts.map((c) => c.ok && c.count)).toEqual([2005, 2005, 2005]);
    expect(Object.fromEntries(most)).toEqual({ 'us-east-1': 1, 'us-west-2': 1 });
    expect(mostOverall).toBe(2);
  });
  it('fails when a page lists its entries as a string, instead of counting its letters', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .resolves({ SuppressedDestinationSummaries: 'oops' } as never);
    const ctx = testContext({ aws: fastGateway() });

    const counted = await countSuppressedDestinations(ctx, 'us-west-2', 'COMPLAINT');

    expect(counted).toEqual({
      ok: false,
      problem:
        'ListSuppressedDestinations answer in us-west-2 (page 1) has SuppressedDestinationSummaries "oops" (a string), not a list of objects',
      pages: 1,
    });
  });
});

describe('collectSuppressedDestination', () => {
  it('passes when an address that is not suppressed reads as not-found', async () => {
    ses.on(GetSuppressedDestinationCommand).rejects(
      Object.assign(new Error('Email address does not exist on your suppression list.'), {
        name: 'NotFoundException',
        $metadata: { httpStatusCode: 404 },
      }),
    );
    const ctx = testContext({ aws: fastGateway() });

    const entry = await collectSuppressedDestination(ctx, 'us-east-1', 'purchasing@example.net');

    expect(entry).toMatchObject({ ok: false, kind: 'not-found' });
    expect(ses.commandCalls(GetSuppressedDestinationCommand)[0].args[0].input).toEqual({
      EmailAddress: 'purchasing@example.net',
    });
  });
});
