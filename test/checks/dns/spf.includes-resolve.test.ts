import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/spf.includes-resolve.js';
import { HEALTHY, runOnZone, withTxt } from '../../spf/check-run.js';

describe('spf.includes-resolve', () => {
  it('passes when every include target publishes one valid record', async () => {
    const outcomes = await runOnZone(check, HEALTHY);

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message:
          'every include and redirect target of the SPF tree of example.com publishes one valid SPF record (2 checked)',
        item: 'example.com',
        found: 'amazonses.com, _spf.example.net',
      },
      {
        outcome: 'pass',
        message:
          'every include and redirect target of the SPF tree of MAIL FROM domain mail.example.com publishes one valid SPF record (1 checked)',
        item: 'mail.example.com',
        found: 'amazonses.com',
      },
    ]);
  });

  it('passes when the record includes no other domain', async () => {
    const zone = withTxt(HEALTHY, 'mail.example.com', 'v=spf1 ip4:54.240.0.0/18 -all');

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'pass',
      message: 'the SPF record of MAIL FROM domain mail.example.com includes no other domain',
      item: 'mail.example.com',
    });
  });

  it('fails when an include target does not exist', async () => {
    const zone = withTxt(HEALTHY, 'mail.example.com', 'v=spf1 include:amazonses.con ~all');

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'fail',
      message:
        'include:amazonses.con in the SPF tree of MAIL FROM domain mail.example.com (at mail.example.com) names a domain with no SPF record (NXDOMAIN), so receivers return permerror',
      item: 'mail.example.com',
      expected: 'one valid SPF record at every include and redirect target',
      found: 'amazonses.con: a domain with no SPF record (NXDOMAIN)',
    });
  });

  it('fails when an include target publishes TXT records but no SPF record', async () => {
    const zone = withTxt(HEALTHY, '_spf.example.net', 'ms=ms12345678');

    const [from] = await runOnZone(check, zone);

    expect(from).toMatchObject({
      outcome: 'fail',
      message:
        'include:_spf.example.net in the SPF tree of example.com (at example.com) names a domain with no SPF record (1 other TXT record(s)), so receivers return permerror',
    });
  });

  it('fails when an include target publishes an invalid record', async () => {
    const zone = withTxt(HEALTHY, '_spf.example.net', 'v=spf1 ip4:192.0.2.0/33 ~all');

    const [from] = await runOnZone(check, zone);

    expect(from).toMatchObject({
      outcome: 'fail',
      message:
        'include:_spf.example.net in the SPF tree of example.com (at example.com) names a domain whose SPF record is invalid (term "ip4:192.0.2.0/33" has an invalid CIDR length), so receivers return permerror',
    });
  });

  it('is inconclusive when an include target cannot be resolved', async () => {
    const zone = [
      ...HEALTHY.filter((r) => r.name !== '_spf.example.net'),
      { name: '_spf.example.net', type: 'TXT' as const, rcode: 'SERVFAIL' as const },
    ];

    const [from] = await runOnZone(check, zone);

    expect(from).toEqual({
      outcome: 'inconclusive',
      message:
        'the include targets of the SPF tree of example.com could not all be resolved (_spf.example.net TXT: SERVFAIL)',
      item: 'example.com',
      expected: 'one valid SPF record at every include and redirect target',
    });
  });
});
