import { GetSuppressedDestinationCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check, { type MustReachFacts } from '../../../checks/suppression/suppression.must-reach.js';
import { createAwsGateway } from '../../../src/aws/gateway.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import type { RegionExpectation } from '../../../src/config/schema.js';
import { testContext } from '../../support/audit-context.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

const now = () => new Date('2026-11-30T09:00:00Z');
const expectation = (must_reach: string[]): RegionExpectation => ({
  sending_enabled: true,
  quota_headroom_percent: 20,
  suppression: { must_reach },
});
const subject = (must_reach = ['purchasing@example.net']) =>
  ({
    scope: 'region',
    region: 'us-west-2',
    expectation: expectation(must_reach),
    path: [],
  }) satisfies SubjectOf<'region'>;

const notFound: MustReachFacts[number]['entry'] = {
  ok: false,
  kind: 'not-found',
  errorName: 'NotFoundException',
  message: 'Email address does not exist on your suppression list.',
  permission: 'ses:GetSuppressedDestination',
};

describe('suppression.must-reach', () => {
  it('passes when the address is not on the list (NotFoundException)', () => {
    const facts = [{ address: 'purchasing@example.net', entry: notFound }];

    const outcomes = check.evaluate(subject(), facts, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message: 'purchasing@example.net is not on the account-level suppression list in us-west-2',
        item: 'purchasing@example.net',
        found: 'GetSuppressedDestination: NotFoundException',
      },
    ]);
  });

  it('fails when the address is suppressed, naming reason, date, region and removal', () => {
    const facts: MustReachFacts = [
      {
        address: 'purchasing@example.net',
        entry: {
          ok: true,
          value: {
            SuppressedDestination: {
              EmailAddress: 'purchasing@example.net',
              Reason: 'COMPLAINT',
              LastUpdateTime: new Date('2026-10-14T16:42:07Z'),
              Attributes: { MessageId: 'msg-1', FeedbackId: 'fb-1' },
            },
          },
        },
      },
    ];

    const outcomes = check.evaluate(subject(), facts, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'fail',
        message:
          'purchasing@example.net is on the account-level suppression list in us-west-2 for COMPLAINT since 2026-10-14, so SES drops every message to it; once the cause is fixed, remove it with aws sesv2 delete-suppressed-destination --email-address purchasing@example.net --region us-west-2',
        item: 'purchasing@example.net',
        expected: 'purchasing@example.net absent from the suppression list in us-west-2',
        found:
          'Reason COMPLAINT, LastUpdateTime 2026-10-14T16:42:07.000Z, MessageId msg-1, FeedbackId fb-1',
      },
    ]);
  });

  it('is inconclusive per address when the entry cannot be read', () => {
    const facts: MustReachFacts = [
      { address: 'a@example.net', entry: notFound },
      {
        address: 'b@example.net',
        entry: {
          ok: false,
          kind: 'access-denied',
          errorName: 'AccessDeniedException',
          message: 'denied',
          permission: 'ses:GetSuppressedDestination',
        },
      },
    ];

    const outcomes = check.evaluate(subject(['a@example.net', 'b@example.net']), facts, { now });

    expect(outcomes).toEqual([
      expect.objectContaining({ outcome: 'pass', item: 'a@example.net' }),
      {
        outcome: 'inconclusive',
        message:
          'Suppression list entry for b@example.net in us-west-2 could not be read: access denied (the audit role needs ses:GetSuppressedDestination)',
        item: 'b@example.net',
      },
    ]);
  });

  it('passes only where it applies: regions that declare must-reach addresses', () => {
    const ctx = testContext();
    const bare = { scope: 'region', region: 'us-east-1', expectation: undefined, path: [] };

    expect(check.appliesTo!(bare as never, ctx)).toBe(false);
    expect(check.appliesTo!(subject([]), ctx)).toBe(false);
    expect(check.appliesTo!(subject(), ctx)).toBe(true);
  });

  it('is inconclusive, never a pass, when a throttled lookup never gets through', async () => {
    ses
      .on(GetSuppressedDestinationCommand)
      .rejects(Object.assign(new Error('Too many requests'), { name: 'TooManyRequestsException' }));
    const aws = createAwsGateway({
      sleep: async () => {},
      maxAttempts: 3,
      limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
    });
    const ctx = testContext({ aws });

    const facts = await check.collect(subject(), ctx);
    const outcomes = check.evaluate(subject(), facts, ctx);

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'Suppression list entry for purchasing@example.net in us-west-2 could not be read: throttled by AWS after retries (ses:GetSuppressedDestination)',
        item: 'purchasing@example.net',
      },
    ]);
    expect(ses.commandCalls(GetSuppressedDestinationCommand)).toHaveLength(3);
  });

  it("is inconclusive when the entry's LastUpdateTime is not a time, instead of crashing", () => {
    const facts: MustReachFacts = [
      {
        address: 'purchasing@example.net',
        entry: {
          ok: true,
          value: {
            SuppressedDestination: {
              EmailAddress: 'purchasing@example.net',
              Reason: 'COMPLAINT',
              LastUpdateTime: 'not a date' as never,
            },
          },
        },
      },
    ];

    const outcomes = check.evaluate(subject(), facts, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'GetSuppressedDestination answer for purchasing@example.net in us-west-2 has SuppressedDestination.LastUpdateTime "not a date" (a string), not a time no later than the audit\'s clock (2026-11-30T09:00:00.000Z)',
        item: 'purchasing@example.net',
      },
    ]);
  });
});
