import type { SubjectOf } from '../../../src/engine/check.js';
import { describe, expect, it } from 'vitest';
import check from '../../../checks/ses-account/account.enforcement.js';
import type { AccountFacts } from '../../../src/collect/account.js';

const subject = {
  scope: 'region',
  region: 'us-west-2',
  expectation: undefined,
  path: [],
} satisfies SubjectOf<'region'>;
const now = () => new Date('2026-11-30T09:00:00Z');
const account = (EnforcementStatus?: string): AccountFacts => ({
  ok: true,
  value: { EnforcementStatus },
});

describe('account.enforcement', () => {
  it('passes when the status is HEALTHY', () => {
    const outcome = check.evaluate(subject, account('HEALTHY'), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'SES account in us-west-2 is in good standing (HEALTHY)',
      found: 'EnforcementStatus HEALTHY',
    });
  });

  it('warns when the account is on PROBATION', () => {
    const outcome = check.evaluate(subject, account('PROBATION'), { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message: 'SES account in us-west-2 is under review (PROBATION)',
      expected: 'EnforcementStatus HEALTHY',
      found: 'EnforcementStatus PROBATION',
    });
  });

  it('fails when AWS shut sending down', () => {
    const outcome = check.evaluate(subject, account('SHUTDOWN'), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'SES account in us-west-2 has sending shut down by AWS (SHUTDOWN)',
      expected: 'EnforcementStatus HEALTHY',
      found: 'EnforcementStatus SHUTDOWN',
    });
  });

  it('is inconclusive when the status is absent', () => {
    const outcome = check.evaluate(subject, account(undefined), { now });

    expect(outcome).toMatchObject({
      outcome: 'inconclusive',
      message:
        'SES account in us-west-2 reports an enforcement status mailspec does not know (absent)',
    });
  });

  it('is inconclusive when GetAccount is denied, naming the permission', () => {
    const denied: AccountFacts = {
      ok: false,
      kind: 'access-denied',
      errorName: 'AccessDeniedException',
      message: 'not authorized',
      permission: 'ses:GetAccount',
    };

    const outcome = check.evaluate(subject, denied, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'SES account in us-west-2 could not be read: access denied (the audit role needs ses:GetAccount)',
    });
  });

  it('is inconclusive when EnforcementStatus is not a string', () => {
    const facts = account(1 as never);

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: 'GetAccount answer in us-west-2 has EnforcementStatus 1, not a string',
    });
  });
});
