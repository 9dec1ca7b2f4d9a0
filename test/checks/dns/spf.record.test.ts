import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/spf.record.js';
import { HEALTHY, runOnZone, withTxt } from '../../spf/check-run.js';

describe('spf.record', () => {
  it('passes when the From and MAIL FROM domains each publish one SPF record', async () => {
    const outcomes = await runOnZone(check, [
      ...HEALTHY,
      { name: 'example.com', type: 'TXT', data: 'google-site-verification=abc' },
    ]);

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message: 'example.com publishes one SPF record',
        item: 'example.com',
        found: 'v=spf1 include:amazonses.com include:_spf.example.net ~all',
      },
      {
        outcome: 'pass',
        message: 'MAIL FROM domain mail.example.com publishes one SPF record',
        item: 'mail.example.com',
        found: 'v=spf1 include:amazonses.com ~all',
      },
    ]);
  });

  it('fails when the MAIL FROM domain publishes no TXT record at all (NXDOMAIN)', async () => {
    const zone = HEALTHY.filter((r) => r.name !== 'mail.example.com');

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'fail',
      message: 'MAIL FROM domain mail.example.com publishes no SPF record (NXDOMAIN)',
      item: 'mail.example.com',
      expected: 'one TXT record at mail.example.com starting with v=spf1',
      found: 'NXDOMAIN',
    });
  });

  it('fails when the only TXT record is not an SPF record', async () => {
    const zone = withTxt(HEALTHY, 'example.com', 'v=spf10 -all');

    const [from] = await runOnZone(check, zone);

    expect(from).toMatchObject({
      outcome: 'fail',
      message: 'example.com publishes no SPF record (1 TXT record(s), none starting with v=spf1)',
    });
  });

  it('fails when two SPF records are published', async () => {
    const zone = withTxt(
      HEALTHY,
      'example.com',
      'v=spf1 include:amazonses.com ~all',
      'v=spf1 -all',
    );

    const [from] = await runOnZone(check, zone);

    expect(from).toEqual({
      outcome: 'fail',
      message: 'example.com publishes 2 SPF records, so receivers return permerror',
      item: 'example.com',
      expected: 'one TXT record at example.com starting with v=spf1',
      found: 'v=spf1 include:amazonses.com ~all | v=spf1 -all',
    });
  });

  it('is inconclusive, not a pass or a fail, when the TXT query fails with SERVFAIL', async () => {
    const zone = [
      ...HEALTHY.filter((r) => r.name !== 'mail.example.com'),
      { name: 'mail.example.com', type: 'TXT' as const, rcode: 'SERVFAIL' as const },
    ];

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'inconclusive',
      message:
        'the TXT records of MAIL FROM domain mail.example.com could not be resolved (SERVFAIL)',
      item: 'mail.example.com',
      expected: 'one TXT record at mail.example.com starting with v=spf1',
    });
  });
});
