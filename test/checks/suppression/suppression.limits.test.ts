import { ListSuppressedDestinationsCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check, { type LimitsFacts } from '../../../checks/suppression/suppression.limits.js';
import { createAwsGateway } from '../../../src/aws/gateway.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import type { RegionExpectation } from '../../../src/config/schema.js';
import { testContext } from '../../support/audit-context.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

const now = () => new Date('2026-11-30T09:00:00Z');
const subject = (suppression: Partial<NonNullable<RegionExpectation['suppression']>>) =>
  ({
    scope: 'region',
    region: 'us-west-2',
    expectation: {
      sending_enabled: true,
      quota_headroom_percent: 20,
      suppression: { must_reach: [], ...suppression },
    },
    path: [],
  }) satisfies SubjectOf<'region'>;
const fast = (maxAttempts = 6) =>
  createAwsGateway({
    sleep: async () => {},
    maxAttempts,
    limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
  });
const entries = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    EmailAddress: `customer${i}@example.org`,
    Reason: 'BOUNCE' as const,
    LastUpdateTime: new Date('2026-11-02T10:00:00Z'),
  }));

describe('suppression.limits', () => {
  it('passes when the count is at the maximum, and says the count', () => {
    const facts: LimitsFacts = [
      { reason: 'COMPLAINT', max: 10, counted: { ok: true, count: 10, pages: 1 } },
    ];

    const outcomes = check.evaluate(subject({ max: { complaint: 10 } }), facts, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message:
          'The account-level suppression list in us-west-2 holds 10 COMPLAINT entries, at most 10 allowed',
        item: 'COMPLAINT',
        found: '10 COMPLAINT entries (1 pages)',
      },
    ]);
  });

  it('fails when a reason has more entries than allowed since the declared date', () => {
    const facts: LimitsFacts = [
      { reason: 'COMPLAINT', max: 10, counted: { ok: true, count: 3, pages: 1 } },
      { reason: 'BOUNCE', max: 2500, counted: { ok: true, count: 3437, pages: 4 } },
    ];
    const declared = subject({ max: { complaint: 10, bounce: 2500 }, since: '2026-10-01' });

    const outcomes = check.evaluate(declared, facts, { now });

    expect(outcomes).toEqual([
      expect.objectContaining({ outcome: 'pass', item: 'COMPLAINT' }),
      {
        outcome: 'fail',
        message:
          'The account-level suppression list in us-west-2 holds 3437 BOUNCE entries since 2026-10-01, more than the 2500 allowed',
        item: 'BOUNCE',
        expected: 'at most 2500 BOUNCE entries since 2026-10-01',
        found: '3437 BOUNCE entries since 2026-10-01 (4 pages)',
      },
    ]);
  });

  it('passes only where it applies: regions that declare a maximum', () => {
    const ctx = testContext();

    expect(check.appliesTo!(subject({}), ctx)).toBe(false);
    expect(check.appliesTo!(subject({ max: {} }), ctx)).toBe(false);
    expect(check.appliesTo!(subject({ max: { bounce: 0 } }), ctx)).toBe(true);
  });

  it('fails when bounces pass the maximum, counting every page since the declared date', async () => {
    ses
      .on(ListSuppressedDestinationsCommand, { NextToken: undefined })
      .resolves({ SuppressedDestinationSummaries: entries(1000), NextToken: 't2' })
      .on(ListSuppressedDestinationsCommand, { NextToken: 't2' })
      .resolves({ SuppressedDestinationSummaries: entries(1) });
    const ctx = testContext({ aws: fast() });
    const declared = subject({ max: { bounce: 1000 }, since: '2026-11-01' });

    const outcomes = check.evaluate(declared, await check.collect(declared, ctx), ctx);

    expect(outcomes).toEqual([
      {
        outcome: 'fail',
        message:
          'The account-level suppression list in us-west-2 holds 1001 BOUNCE entries since 2026-11-01, more than the 1000 allowed',
        item: 'BOUNCE',
        expected: 'at most 1000 BOUNCE entries since 2026-11-01',
        found: '1001 BOUNCE entries since 2026-11-01 (2 pages)',
      },
    ]);
    const first = ses.commandCalls(ListSuppressedDestinationsCommand)[0].args[0].input;
    expect(first).toMatchObject({
      Reasons: ['BOUNCE'],
      PageSize: 1000,
      StartDate: new Date('2026-11-01T00:00:00Z'),
    });
  });

  it('is inconclusive, never a pass, when throttling never lets a page through', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .rejects(Object.assign(new Error('Too many requests'), { name: 'TooManyRequestsException' }));
    const ctx = testContext({ aws: fast(5) });
    const declared = subject({ max: { complaint: 10 } });

    const outcomes = check.evaluate(declared, await check.collect(declared, ctx), ctx);

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'COMPLAINT entries on the account-level suppression list in us-west-2 could not be counted: throttled by AWS after retries (ses:ListSuppressedDestinations)',
        item: 'COMPLAINT',
      },
    ]);
    expect(ses.commandCalls(ListSuppressedDestinationsCommand)).toHaveLength(5);
  });

  it('passes when throttling recovers on the third attempt', async () => {
    const throttle = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    ses
      .on(ListSuppressedDestinationsCommand)
      .rejectsOnce(throttle)
      .rejectsOnce(throttle)
      .resolves({ SuppressedDestinationSummaries: entries(4) });
    const ctx = testContext({ aws: fast() });
    const declared = subject({ max: { complaint: 10 } });

    const outcomes = check.evaluate(declared, await check.collect(declared, ctx), ctx);

    expect(outcomes).toEqual([
      expect.objectContaining({
        outcome: 'pass',
        message:
          'The account-level suppression list in us-west-2 holds 4 COMPLAINT entries, at most 10 allowed',
      }),
    ]);
    expect(ses.commandCalls(ListSuppressedDestinationsCommand)).toHaveLength(3);
  });

  it('is inconclusive naming ses:ListSuppressedDestinations when access is denied', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    const ctx = testContext({ aws: fast() });
    const declared = subject({ max: { complaint: 10 } });

    const outcomes = check.evaluate(declared, await check.collect(declared, ctx), ctx);

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'COMPLAINT entries on the account-level suppression list in us-west-2 could not be counted: access denied (the audit role needs ses:ListSuppressedDestinations)',
        item: 'COMPLAINT',
      },
    ]);
  });

  it('is inconclusive when SES serves the same page token twice', () => {
    const facts: LimitsFacts = [
      { reason: 'COMPLAINT', max: 10, counted: { ok: false, repeatedToken: 'x', pages: 2 } },
    ];

    const outcomes = check.evaluate(subject({ max: { complaint: 10 } }), facts, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'COMPLAINT entries on the account-level suppression list in us-west-2 could not be counted: SES served the same page token twice after 2 pages',
        item: 'COMPLAINT',
      },
    ]);
  });

  it('is inconclusive, never a pass, when a page lists its entries as a string', async () => {
    ses
      .on(ListSuppressedDestinationsCommand)
      .resolves({ SuppressedDestinationSummaries: 'oops' } as never);
    const ctx = testContext({ aws: fast() });
    const declared = subject({ max: { complaint: 10 } });

    const facts = await check.collect(declared, ctx);
    const outcomes = check.evaluate(declared, facts, ctx);

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'COMPLAINT entries on the account-level suppression list in us-west-2 could not be counted: ListSuppressedDestinations answer in us-west-2 (page 1) has SuppressedDestinationSummaries "oops" (a string), not a list of objects',
        item: 'COMPLAINT',
      },
    ]);
  });
});
