import type { SubjectOf } from '../../../src/engine/check.js';
import { describe, expect, it } from 'vitest';
import check from '../../../checks/ses-account/account.suppression-reasons.js';
import type { AccountFacts } from '../../../src/collect/account.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const subject = {
  scope: 'region',
  region: 'eu-west-1',
  expectation: undefined,
  path: [],
} satisfies SubjectOf<'region'>;
const account = (SuppressedReasons: ('BOUNCE' | 'COMPLAINT')[]): AccountFacts => ({
  ok: true,
  value: { SuppressionAttributes: { SuppressedReasons } },
});

describe('account.suppression-reasons', () => {
  it('passes when both reasons are covered and says so', () => {
    const outcome = check.evaluate(subject, account(['COMPLAINT', 'BOUNCE']), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'SES account-level suppression list in eu-west-1 adds addresses after hard bounces and complaints',
      found: 'SuppressedReasons [BOUNCE, COMPLAINT]',
    });
  });

  it('passes when only bounces are covered and says so', () => {
    const outcome = check.evaluate(subject, account(['BOUNCE']), { now });

    expect(outcome).toMatchObject({
      outcome: 'pass',
      message: 'SES account-level suppression list in eu-west-1 adds addresses after hard bounces',
    });
  });

  it('passes when no reason is set and says the list adds nothing', () => {
    const outcome = check.evaluate(subject, account([]), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'SES account-level suppression list in eu-west-1 adds no address (no reasons set)',
      found: 'SuppressedReasons []',
    });
  });

  it('is inconclusive when GetAccount fails', () => {
    const failed: AccountFacts = {
      ok: false,
      kind: 'error',
      errorName: 'InternalFailure',
      message: 'internal error',
      permission: 'ses:GetAccount',
    };

    const outcome = check.evaluate(subject, failed, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: 'SES account in eu-west-1 could not be read: InternalFailure: internal error',
    });
  });

  it('is inconclusive when GetAccount answers without SuppressionAttributes', () => {
    const outcome = check.evaluate(subject, { ok: true, value: {} }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'SES account in eu-west-1 answered GetAccount without SuppressionAttributes.SuppressedReasons',
    });
  });

  it('is inconclusive when SuppressedReasons is not a list', () => {
    const facts = account('BOUNCE' as never);

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetAccount answer in eu-west-1 has SuppressionAttributes.SuppressedReasons "BOUNCE" (a string), not a list of strings',
    });
  });
});
