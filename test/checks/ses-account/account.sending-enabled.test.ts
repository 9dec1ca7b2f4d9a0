import type { SubjectOf } from '../../../src/engine/check.js';
import { describe, expect, it } from 'vitest';
import check from '../../../checks/ses-account/account.sending-enabled.js';
import type { AccountFacts } from '../../../src/collect/account.js';
import type { RegionExpectation } from '../../../src/config/schema.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const subject = (expectation?: Partial<RegionExpectation>) =>
  ({
    scope: 'region',
    region: 'us-east-1',
    expectation: expectation && {
      sending_enabled: true,
      quota_headroom_percent: 20,
      ...expectation,
    },
    path: [],
  }) satisfies SubjectOf<'region'>;
const account = (SendingEnabled: boolean): AccountFacts => ({
  ok: true,
  value: { SendingEnabled },
});

describe('account.sending-enabled', () => {
  it('passes when sending is enabled and no expectation is declared', () => {
    const outcome = check.evaluate(subject(), account(true), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'SES account in us-east-1 has sending enabled',
      found: 'SendingEnabled true',
    });
  });

  it('fails when sending is paused', () => {
    const outcome = check.evaluate(subject({}), account(false), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'SES account in us-east-1 has sending paused, so SES accepts no message there',
      expected: 'SendingEnabled true',
      found: 'SendingEnabled false',
    });
  });

  it('passes when sending is paused as declared', () => {
    const outcome = check.evaluate(subject({ sending_enabled: false }), account(false), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'SES account in us-east-1 has sending paused, as declared',
      found: 'SendingEnabled false',
    });
  });

  it('fails when sending is enabled though declared paused', () => {
    const outcome = check.evaluate(subject({ sending_enabled: false }), account(true), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SES account in us-east-1 has sending enabled, though the expectation declares it paused',
      expected: 'SendingEnabled false',
      found: 'SendingEnabled true',
    });
  });

  it('is inconclusive when GetAccount stays throttled', () => {
    const throttled: AccountFacts = {
      ok: false,
      kind: 'throttled',
      errorName: 'TooManyRequestsException',
      message: 'Too many requests',
      permission: 'ses:GetAccount',
    };

    const outcome = check.evaluate(subject(), throttled, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'SES account in us-east-1 could not be read: throttled by AWS after retries (ses:GetAccount)',
    });
  });

  it('is inconclusive when GetAccount answers without SendingEnabled', () => {
    const outcome = check.evaluate(subject(), { ok: true, value: {} }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: 'SES account in us-east-1 answered GetAccount without SendingEnabled',
    });
  });

  it('is inconclusive when SendingEnabled is recorded as a string', () => {
    const facts = account('true' as never);

    const outcome = check.evaluate(subject(), facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetAccount answer in us-east-1 has SendingEnabled "true" (a string), not true or false',
    });
  });
});
