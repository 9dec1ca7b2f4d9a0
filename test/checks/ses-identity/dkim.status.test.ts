import { describe, expect, it } from 'vitest';
import check from '../../../checks/ses-identity/dkim.status.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import type { IdentityFacts } from '../../../src/collect/identity.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const subject = {
  scope: 'domain-region',
  domain: { domain: 'example.com', regions: ['us-east-1'], dkim: { required: true } },
  region: 'us-east-1',
  path: ['domains', 0],
} as unknown as SubjectOf<'domain-region'>;
const identity = (Status: unknown, SigningEnabled: unknown) =>
  ({ ok: true, value: { DkimAttributes: { Status, SigningEnabled } } }) as IdentityFacts;

describe('dkim.status', () => {
  it('passes when DKIM is SUCCESS and signing', () => {
    const outcome = check.evaluate(subject, identity('SUCCESS', true), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'DKIM of example.com in us-east-1 is verified (SUCCESS) and signing',
      found: 'DkimAttributes.Status SUCCESS, SigningEnabled true',
    });
  });

  it('is inconclusive when SigningEnabled is recorded as a string', () => {
    const outcome = check.evaluate(subject, identity('SUCCESS', 'false'), { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetEmailIdentity answer for example.com in us-east-1 has DkimAttributes.SigningEnabled "false" (a string), not true or false',
    });
  });
});
