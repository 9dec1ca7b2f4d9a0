import { describe, expect, it } from 'vitest';
import { parseDmarcRecord, reportDestinationDomain } from '../../src/dmarc/record.js';

describe('parseDmarcRecord', () => {
  it('passes when defaults fill sp, pct and relaxed alignment', () => {
    const parsed = parseDmarcRecord('v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com');

    expect(parsed).toEqual({
      ok: true,
      record: {
        policy: 'quarantine',
        subdomainPolicy: 'quarantine',
        pct: 100,
        adkim: 'relaxed',
        aspf: 'relaxed',
        rua: ['mailto:dmarc@example.com'],
        tags: { v: 'DMARC1', p: 'quarantine', rua: 'mailto:dmarc@example.com' },
      },
    });
  });

  it('passes when sp, pct and strict alignment are read', () => {
    const parsed = parseDmarcRecord('v=DMARC1;p=reject;sp=none;pct=20;adkim=s;aspf=S');

    expect(parsed).toMatchObject({
      ok: true,
      record: {
        policy: 'reject',
        subdomainPolicy: 'none',
        pct: 20,
        adkim: 'strict',
        aspf: 'strict',
      },
    });
  });

  it('fails when p is missing, sp is unknown or pct is out of range', () => {
    expect(parseDmarcRecord('v=DMARC1; rua=mailto:a@example.com')).toEqual({
      ok: false,
      reason: 'p=(missing) is not a policy',
    });
    expect(parseDmarcRecord('v=DMARC1; p=none; sp=block')).toEqual({
      ok: false,
      reason: 'sp=block is not a policy',
    });
    expect(parseDmarcRecord('v=DMARC1; p=none; pct=150')).toEqual({
      ok: false,
      reason: 'pct=150 is not a whole number from 0 to 100',
    });
    expect(parseDmarcRecord('p=none; v=DMARC1')).toEqual({
      ok: false,
      reason: 'it does not start with v=DMARC1',
    });
  });
});

describe('reportDestinationDomain', () => {
  it('passes when the mailbox domain of a mailto URI is taken without its size limit', () => {
    expect(reportDestinationDomain('mailto:reports@Dmarc.Example.org!10m')).toBe(
      'dmarc.example.org',
    );
    expect(reportDestinationDomain('https://example.org/report')).toBeUndefined();
  });
});
