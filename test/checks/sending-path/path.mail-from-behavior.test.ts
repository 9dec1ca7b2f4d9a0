import { describe, expect, it } from 'vitest';
import check from '../../../checks/sending-path/path.mail-from-behavior.js';
import type { PathIdentityFacts } from '../../../src/collect/sending-path.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { smtpContext } from '../../support/smtp-path.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const { subject } = smtpContext() as { subject: SubjectOf<'path'> };
const setup = {
  ok: true as const,
  region: 'us-east-1',
  regionSource: 'declared region',
  from: 'admin@example.com',
  fromSource: 'declared from',
};
const withMailFrom = (
  MailFromDomainStatus: 'SUCCESS' | 'FAILED' | 'PENDING',
  BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' | 'REJECT_MESSAGE',
): PathIdentityFacts => ({
  setup,
  identityDomain: 'example.com',
  identity: {
    ok: true,
    value: {
      MailFromAttributes: {
        MailFromDomain: 'mail.example.com',
        MailFromDomainStatus,
        BehaviorOnMxFailure,
      },
    },
  },
});

describe('path.mail-from-behavior', () => {
  it('passes when the custom MAIL FROM is SUCCESS in the sending region', () => {
    const outcome = check.evaluate(subject, withMailFrom('SUCCESS', 'REJECT_MESSAGE'), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'gmail-alias sends in us-east-1 with envelope sender domain mail.example.com',
      found:
        'MailFromDomain mail.example.com, MailFromDomainStatus SUCCESS, BehaviorOnMxFailure REJECT_MESSAGE',
    });
  });

  it('passes when a FAILED MAIL FROM falls back to amazonses.com, saying why', () => {
    const outcome = check.evaluate(subject, withMailFrom('FAILED', 'USE_DEFAULT_VALUE'), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'gmail-alias sends in us-east-1 with envelope sender domain amazonses.com because custom MAIL FROM mail.example.com is FAILED in us-east-1',
      found:
        'MailFromDomain mail.example.com, MailFromDomainStatus FAILED, BehaviorOnMxFailure USE_DEFAULT_VALUE',
    });
  });

  it('fails when a PENDING MAIL FROM with REJECT_MESSAGE makes SES refuse the send', () => {
    const outcome = check.evaluate(subject, withMailFrom('PENDING', 'REJECT_MESSAGE'), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SES refuses mail of gmail-alias in us-east-1: custom MAIL FROM mail.example.com is PENDING in us-east-1 and BehaviorOnMxFailure is REJECT_MESSAGE',
      expected: 'custom MAIL FROM status SUCCESS, or BehaviorOnMxFailure USE_DEFAULT_VALUE',
      found:
        'MailFromDomain mail.example.com, MailFromDomainStatus PENDING, BehaviorOnMxFailure REJECT_MESSAGE',
    });
  });

  it('is inconclusive when the identity is missing, which path.identity-verified reports', () => {
    const facts: PathIdentityFacts = {
      setup,
      identityDomain: 'example.com',
      identity: {
        ok: false,
        kind: 'not-found',
        errorName: 'NotFoundException',
        message: 'no',
        permission: 'ses:GetEmailIdentity',
      },
    };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'MAIL FROM of gmail-alias in us-east-1 is unknown, since example.com is not an SES identity there',
    });
  });
});
