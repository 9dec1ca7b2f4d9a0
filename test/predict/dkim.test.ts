import { describe, expect, it } from 'vitest';
import { predictDkim } from '../../src/predict/dkim.js';

describe('predictDkim', () => {
  it('passes when Easy DKIM is SUCCESS and signing is enabled: two signatures', () => {
    const identity = { DkimAttributes: { Status: 'SUCCESS' as const, SigningEnabled: true } };

    const prediction = predictDkim(identity, 'example.com', 'us-east-1');

    expect(prediction).toEqual({
      signatures: ['example.com', 'amazonses.com'],
      found: 'DKIM Status SUCCESS, SigningEnabled true',
    });
  });

  it('fails when DKIM is PENDING', () => {
    const identity = { DkimAttributes: { Status: 'PENDING' as const, SigningEnabled: true } };

    const prediction = predictDkim(identity, 'example.com', 'us-west-2');

    expect(prediction).toEqual({
      signatures: ['amazonses.com'],
      missing: 'DKIM is PENDING in us-west-2',
      found: 'DKIM Status PENDING, SigningEnabled true',
    });
  });

  it('fails when DKIM is FAILED', () => {
    const identity = { DkimAttributes: { Status: 'FAILED' as const, SigningEnabled: true } };

    const prediction = predictDkim(identity, 'example.com', 'us-west-2');

    expect(prediction.signatures).toEqual(['amazonses.com']);
    expect(prediction.missing).toBe('DKIM is FAILED in us-west-2');
  });

  it('fails when the identity has no DKIM attributes', () => {
    const prediction = predictDkim({}, 'example.com', 'eu-west-1');

    expect(prediction).toEqual({
      signatures: ['amazonses.com'],
      missing: 'DKIM is NOT_STARTED in eu-west-1',
      found: 'DKIM Status NOT_STARTED, SigningEnabled false',
    });
  });

  it('fails when DKIM is SUCCESS but signing is disabled', () => {
    const identity = { DkimAttributes: { Status: 'SUCCESS' as const, SigningEnabled: false } };

    const prediction = predictDkim(identity, 'example.com', 'us-east-1');

    expect(prediction).toEqual({
      signatures: ['amazonses.com'],
      missing: 'DKIM signing is disabled in us-east-1',
      found: 'DKIM Status SUCCESS, SigningEnabled false',
    });
  });
});
