import { describe, expect, it } from 'vitest';
import check from '../../../checks/ses-identity/identity.verified.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import type { IdentityFacts } from '../../../src/collect/identity.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const subject = {
  scope: 'domain-region',
  domain: { domain: 'example.com', regions: ['us-east-1'] },
  region: 'us-east-1',
  path: ['domains', 0],
} as unknown as SubjectOf<'domain-region'>;
const identity = (VerificationStatus: unknown, VerifiedForSendingStatus: unknown) =>
  ({ ok: true, value: { VerificationStatus, VerifiedForSendingStatus } }) as IdentityFacts;

describe('identity.verified', () => {
  it('passes when the identity is SUCCESS and verified for sending', () => {
    const outcome = check.evaluate(subject, identity('SUCCESS', true), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'SES identity example.com is verified for sending in us-east-1',
      found: 'VerificationStatus SUCCESS, VerifiedForSendingStatus true',
    });
  });

  it('fails when the identity is SUCCESS but not verified for sending', () => {
    const outcome = check.evaluate(subject, identity('SUCCESS', false), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'SES identity example.com in us-east-1 is not verified for sending (SUCCESS)',
      expected: 'VerificationStatus SUCCESS',
      found: 'VerificationStatus SUCCESS, VerifiedForSendingStatus false',
    });
  });

  it('is inconclusive when VerifiedForSendingStatus is recorded as a string', () => {
    const outcome = check.evaluate(subject, identity('SUCCESS', 'true'), { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetEmailIdentity answer for example.com in us-east-1 has VerifiedForSendingStatus "true" (a string), not true or false',
    });
  });
});
