import type { SubjectOf } from '../../../src/engine/check.js';
import { describe, expect, it } from 'vitest';
import check from '../../../checks/ses-account/account.quota-headroom.js';
import type { AccountFacts } from '../../../src/collect/account.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const subject = (quota_headroom_percent?: number) =>
  ({
    scope: 'region',
    region: 'us-east-1',
    expectation:
      quota_headroom_percent === undefined
        ? undefined
        : { sending_enabled: true, quota_headroom_percent },
    path: [],
  }) satisfies SubjectOf<'region'>;
const account = (SentLast24Hours: number, Max24HourSend: number): AccountFacts => ({
  ok: true,
  value: { SendQuota: { SentLast24Hours, Max24HourSend, MaxSendRate: 14 } },
});

describe('account.quota-headroom', () => {
  it('passes when the sent count leaves more headroom than the default 20%', () => {
    const outcome = check.evaluate(subject(), account(1180, 50000), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'SES account in us-east-1 has sent 1180 of its 50000 messages in the last 24 hours (97.6% headroom, at least 20% expected)',
      found: 'SentLast24Hours 1180, Max24HourSend 50000',
    });
  });

  it('fails when less headroom is left than declared', () => {
    const outcome = check.evaluate(subject(50), account(150, 200), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SES account in us-east-1 has sent 150 of its 200 messages in the last 24 hours (25% headroom, at least 50% expected)',
      expected: 'SentLast24Hours at most 100',
      found: 'SentLast24Hours 150, Max24HourSend 200',
    });
  });

  it('fails when the quota is used up, showing no negative headroom', () => {
    const outcome = check.evaluate(subject(), account(210, 200), { now });

    expect(outcome).toMatchObject({
      outcome: 'fail',
      message:
        'SES account in us-east-1 has sent 210 of its 200 messages in the last 24 hours (0% headroom, at least 20% expected)',
    });
  });

  it('passes when Max24HourSend is -1 (unlimited)', () => {
    const outcome = check.evaluate(subject(), account(900000, -1), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'SES account in us-east-1 has an unlimited 24-hour quota',
      found: 'SentLast24Hours 900000, Max24HourSend -1',
    });
  });

  it('is inconclusive when no quota is reported', () => {
    const outcome = check.evaluate(subject(), { ok: true, value: {} }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: 'SES account in us-east-1 reported no sending quota',
    });
  });

  it('is inconclusive when Max24HourSend is recorded as a string', () => {
    const facts = account(640, '50000' as never);

    const outcome = check.evaluate(subject(), facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetAccount answer in us-east-1 has SendQuota.Max24HourSend "50000" (a string), not a number of 0 or more, or -1 (unlimited)',
    });
  });

  it('is inconclusive when SentLast24Hours is negative, a count no account can have', () => {
    const facts = account(-999999, 50000);

    const outcome = check.evaluate(subject(), facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetAccount answer in us-east-1 has SendQuota.SentLast24Hours -999999, not a number of 0 or more',
    });
  });
});
