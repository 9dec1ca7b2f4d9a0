import { describe, expect, it } from 'vitest';
import { parseDmarcRecord, type DmarcRecord } from '../../src/dmarc/record.js';
import type { DkimPrediction } from '../../src/predict/dkim.js';
import { predictDmarc, type DmarcInput } from '../../src/predict/dmarc.js';

function record(text: string): DmarcRecord {
  const parsed = parseDmarcRecord(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.record;
}

const SIGNED: DkimPrediction = {
  signatures: ['example.com', 'amazonses.com'],
  found: 'DKIM Status SUCCESS, SigningEnabled true',
};
const UNSIGNED: DkimPrediction = {
  signatures: ['amazonses.com'],
  missing: 'DKIM is PENDING in us-west-2',
  found: 'DKIM Status PENDING, SigningEnabled true',
};
const CUSTOM = { kind: 'custom' as const, domain: 'mail.example.com', found: '' };
const FALLBACK = {
  kind: 'fallback' as const,
  domain: 'us-west-2.amazonses.com',
  reason: 'custom MAIL FROM mail.example.com is FAILED in us-west-2',
  found: '',
};

/** A path sending as admin@example.com through SES with a relaxed record, unless changed. */
function input(change: Partial<DmarcInput> = {}): DmarcInput {
  return {
    fromDomain: 'example.com',
    mailFrom: CUSTOM,
    spf: 'pass',
    dkim: SIGNED,
    record: record('v=DMARC1; p=reject'),
    atOrganization: false,
    provider: 'exchange-online',
    ...change,
  };
}

describe('predictDmarc', () => {
  it('passes when DKIM and SPF both align (relaxed)', () => {
    const prediction = predictDmarc(input());

    expect(prediction).toEqual({
      verdict: 'pass',
      spfAligned: true,
      alignedDkim: 'example.com',
      reasons: [],
      applied: { tag: 'p', policy: 'reject', pct: 100 },
      action: 'reject (550 5.7.509 at Exchange Online)',
    });
  });

  it('passes when DKIM is PENDING but the custom MAIL FROM aligns (SPF alone)', () => {
    const prediction = predictDmarc(input({ dkim: UNSIGNED }));

    expect(prediction.verdict).toBe('pass');
    expect(prediction.spfAligned).toBe(true);
    expect(prediction.alignedDkim).toBeUndefined();
    expect(prediction.reasons).toEqual(['no aligned DKIM: DKIM is PENDING in us-west-2']);
  });

  it('passes when the MAIL FROM falls back but DKIM aligns (DKIM alone)', () => {
    const prediction = predictDmarc(input({ mailFrom: FALLBACK, spf: undefined }));

    expect(prediction.verdict).toBe('pass');
    expect(prediction.spfAligned).toBe(false);
    expect(prediction.reasons).toEqual([
      'MAIL FROM falls back to us-west-2.amazonses.com (custom MAIL FROM mail.example.com is FAILED in us-west-2)',
    ]);
  });

  it('fails when DKIM is missing and the MAIL FROM falls back, naming both reasons', () => {
    const prediction = predictDmarc(
      input({
        dkim: UNSIGNED,
        mailFrom: FALLBACK,
        spf: undefined,
        record: record('v=DMARC1; p=quarantine'),
      }),
    );

    expect(prediction).toEqual({
      verdict: 'fail',
      spfAligned: false,
      alignedDkim: undefined,
      reasons: [
        'no aligned DKIM: DKIM is PENDING in us-west-2',
        'MAIL FROM falls back to us-west-2.amazonses.com (custom MAIL FROM mail.example.com is FAILED in us-west-2)',
      ],
      applied: { tag: 'p', policy: 'quarantine', pct: 100 },
      action: 'quarantine (Junk Email or quarantine at Exchange Online)',
    });
  });

  it('fails when strict SPF alignment (aspf=s) meets a MAIL FROM subdomain', () => {
    const prediction = predictDmarc(
      input({ dkim: UNSIGNED, record: record('v=DMARC1; p=reject; aspf=s') }),
    );

    expect(prediction.verdict).toBe('fail');
    expect(prediction.reasons).toEqual([
      'no aligned DKIM: DKIM is PENDING in us-west-2',
      'MAIL FROM mail.example.com does not align with example.com (aspf=strict)',
    ]);
  });

  it('fails when strict DKIM alignment (adkim=s) meets a From subdomain signed as the parent', () => {
    const prediction = predictDmarc(
      input({
        fromDomain: 'news.example.com',
        mailFrom: FALLBACK,
        spf: undefined,
        record: record('v=DMARC1; p=reject; adkim=s'),
        atOrganization: true,
      }),
    );

    expect(prediction.verdict).toBe('fail');
    expect(prediction.reasons).toEqual([
      'no aligned DKIM: d=example.com does not align with news.example.com (adkim=strict)',
      'MAIL FROM falls back to us-west-2.amazonses.com (custom MAIL FROM mail.example.com is FAILED in us-west-2)',
    ]);
    expect(prediction.applied).toEqual({ tag: 'sp', policy: 'reject', pct: 100 });
  });

  it('passes when relaxed DKIM alignment accepts a From subdomain signed as the parent', () => {
    const prediction = predictDmarc(
      input({ fromDomain: 'news.example.com', mailFrom: FALLBACK, spf: undefined }),
    );

    expect(prediction.verdict).toBe('pass');
    expect(prediction.alignedDkim).toBe('example.com');
  });

  it('fails when the aligned MAIL FROM does not authorize SES in SPF', () => {
    const prediction = predictDmarc(input({ dkim: UNSIGNED, spf: 'softfail' }));

    expect(prediction.verdict).toBe('fail');
    expect(prediction.spfAligned).toBe(false);
    expect(prediction.reasons[1]).toBe('SPF of MAIL FROM mail.example.com is softfail for SES');
  });

  it('fails when the subdomain policy sp applies with pct, in the receiver words', () => {
    const prediction = predictDmarc(
      input({
        fromDomain: 'news.example.com',
        dkim: UNSIGNED,
        mailFrom: FALLBACK,
        spf: undefined,
        record: record('v=DMARC1; p=none; sp=reject; pct=50'),
        atOrganization: true,
        provider: 'google',
      }),
    );

    expect(prediction.applied).toEqual({ tag: 'sp', policy: 'reject', pct: 50 });
    expect(prediction.action).toBe(
      'reject (550 5.7.26 at Gmail) for 50% of messages, quarantine (spam folder at Gmail) for the rest',
    );
  });

  it('fails when the organizational domain comes from the Public Suffix List (co.uk)', () => {
    const prediction = predictDmarc(
      input({
        fromDomain: 'example.co.uk',
        dkim: { signatures: ['other.co.uk', 'amazonses.com'], found: '' },
        mailFrom: { kind: 'custom', domain: 'bounce.other.co.uk', found: '' },
      }),
    );

    expect(prediction.verdict).toBe('fail');
    expect(prediction.reasons).toEqual([
      'no aligned DKIM: d=other.co.uk does not align with example.co.uk (adkim=relaxed)',
      'MAIL FROM bounce.other.co.uk does not align with example.co.uk (aspf=relaxed)',
    ]);
  });
});
