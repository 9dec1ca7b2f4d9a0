import type { GetEmailIdentityResponse } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { defaultMailFromDomain, predictMailFrom } from '../../src/predict/envelope.js';

const identity = (
  attributes?: GetEmailIdentityResponse['MailFromAttributes'],
): GetEmailIdentityResponse => ({ MailFromAttributes: attributes });

describe('defaultMailFromDomain', () => {
  it('passes when us-east-1 uses amazonses.com and other regions their own subdomain', () => {
    expect(defaultMailFromDomain('us-east-1')).toBe('amazonses.com');
    expect(defaultMailFromDomain('eu-west-1')).toBe('eu-west-1.amazonses.com');
  });
});

describe('predictMailFrom', () => {
  it('passes when a custom MAIL FROM in SUCCESS is the envelope sender', () => {
    const facts = identity({
      MailFromDomain: 'mail.example.com',
      MailFromDomainStatus: 'SUCCESS',
      BehaviorOnMxFailure: 'REJECT_MESSAGE',
    });

    const prediction = predictMailFrom(facts, 'us-west-2');

    expect(prediction).toEqual({
      kind: 'custom',
      domain: 'mail.example.com',
      found:
        'MailFromDomain mail.example.com, MailFromDomainStatus SUCCESS, BehaviorOnMxFailure REJECT_MESSAGE',
    });
  });

  it('passes when no custom MAIL FROM is set: the regional amazonses.com domain', () => {
    const prediction = predictMailFrom(identity(), 'us-west-2');

    expect(prediction).toEqual({
      kind: 'fallback',
      domain: 'us-west-2.amazonses.com',
      reason: 'no custom MAIL FROM is set in us-west-2',
      found: 'MailFromDomain (none)',
    });
  });

  it('fails when the custom MAIL FROM FAILED: USE_DEFAULT_VALUE falls back to amazonses.com', () => {
    const facts = identity({
      MailFromDomain: 'mail.example.com',
      MailFromDomainStatus: 'FAILED',
      BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
    });

    const prediction = predictMailFrom(facts, 'us-east-1');

    expect(prediction).toEqual({
      kind: 'fallback',
      domain: 'amazonses.com',
      reason: 'custom MAIL FROM mail.example.com is FAILED in us-east-1',
      found:
        'MailFromDomain mail.example.com, MailFromDomainStatus FAILED, BehaviorOnMxFailure USE_DEFAULT_VALUE',
    });
  });

  it('fails when the custom MAIL FROM is PENDING with REJECT_MESSAGE: SES refuses', () => {
    const facts = identity({
      MailFromDomain: 'mail.example.com',
      MailFromDomainStatus: 'PENDING',
      BehaviorOnMxFailure: 'REJECT_MESSAGE',
    });

    const prediction = predictMailFrom(facts, 'us-west-2');

    expect(prediction).toEqual({
      kind: 'refused',
      domain: 'mail.example.com',
      reason:
        'custom MAIL FROM mail.example.com is PENDING in us-west-2 and BehaviorOnMxFailure is REJECT_MESSAGE',
      found:
        'MailFromDomain mail.example.com, MailFromDomainStatus PENDING, BehaviorOnMxFailure REJECT_MESSAGE',
    });
  });

  it('fails when status and behavior are missing: SES defaults fall back to amazonses.com', () => {
    const prediction = predictMailFrom(
      identity({
        MailFromDomain: 'mail.example.com',
      } as GetEmailIdentityResponse['MailFromAttributes']),
      'us-west-2',
    );

    expect(prediction).toMatchObject({
      kind: 'fallback',
      domain: 'us-west-2.amazonses.com',
      reason: 'custom MAIL FROM mail.example.com is PENDING in us-west-2',
    });
  });
});
