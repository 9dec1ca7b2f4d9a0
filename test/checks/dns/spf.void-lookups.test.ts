import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/spf.void-lookups.js';
import { HEALTHY, runOnZone, withTxt } from '../../spf/check-run.js';

describe('spf.void-lookups', () => {
  it('passes when no lookup of the tree comes back empty', async () => {
    const outcomes = await runOnZone(check, HEALTHY);

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message: 'the SPF tree of example.com has 0 void lookups, within the limit of 2',
        item: 'example.com',
        found: 'no void lookup',
      },
      {
        outcome: 'pass',
        message:
          'the SPF tree of MAIL FROM domain mail.example.com has 0 void lookups, within the limit of 2',
        item: 'mail.example.com',
        found: 'no void lookup',
      },
    ]);
  });

  it('passes when an a term names an IPv6-only host, which is not void', async () => {
    const zone = [
      ...withTxt(HEALTHY, 'mail.example.com', 'v=spf1 a:v6.example.com include:amazonses.com ~all'),
      { name: 'v6.example.com', type: 'AAAA' as const, data: '2001:db8::25' },
    ];

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toMatchObject({
      outcome: 'pass',
      message:
        'the SPF tree of MAIL FROM domain mail.example.com has 0 void lookups, within the limit of 2',
    });
  });

  it('fails when three lookups of the tree return no records', async () => {
    const zone = [
      ...withTxt(
        HEALTHY,
        'example.com',
        'v=spf1 include:gone.example.org mx:old.example.com a:old.example.com include:amazonses.com ~all',
      ),
      { name: 'old.example.com', type: 'TXT' as const, data: 'left behind' },
    ];

    const [from] = await runOnZone(check, zone);

    expect(from).toEqual({
      outcome: 'fail',
      message:
        'the SPF tree of example.com has 3 void lookups, above the limit of 2, so receivers return permerror: include:gone.example.org (NXDOMAIN), mx:old.example.com at example.com (no records), a:old.example.com at example.com (no records)',
      item: 'example.com',
      expected: 'at most 2 void lookups',
      found:
        'include:gone.example.org (NXDOMAIN), mx:old.example.com at example.com (no records), a:old.example.com at example.com (no records)',
    });
  });

  it('is inconclusive when a lookup fails and the void count is within the limit', async () => {
    const zone = [
      ...withTxt(HEALTHY, 'mail.example.com', 'v=spf1 mx include:amazonses.com ~all'),
      { name: 'mail.example.com', type: 'MX' as const, rcode: 'SERVFAIL' as const },
    ];

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'inconclusive',
      message:
        'the void lookups of the SPF tree of MAIL FROM domain mail.example.com could not all be counted (mail.example.com MX: SERVFAIL)',
      item: 'mail.example.com',
      expected: 'at most 2 void lookups',
      found: 'no void lookup',
    });
  });
});
