import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/spf.no-pass-all.js';
import type { ZoneRecord } from '../../../src/dns/zone.js';
import { HEALTHY, runOnZone, withTxt } from '../../spf/check-run.js';

const txt = (name: string, data: string): ZoneRecord => ({ name, type: 'TXT', data });

describe('spf.no-pass-all', () => {
  it('passes when every record of the tree ends in ~all or -all', async () => {
    const outcomes = await runOnZone(check, HEALTHY);

    expect(outcomes).toEqual([
      { outcome: 'pass', message: 'the SPF tree of example.com has no +all', item: 'example.com' },
      {
        outcome: 'pass',
        message: 'the SPF tree of MAIL FROM domain mail.example.com has no +all',
        item: 'mail.example.com',
      },
    ]);
  });

  it('passes when a record with +all is included with a fail qualifier', async () => {
    const zone = [
      ...withTxt(
        HEALTHY,
        'mail.example.com',
        'v=spf1 include:amazonses.com -include:_open.example.com ~all',
      ),
      txt('_open.example.com', 'v=spf1 +all'),
    ];

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toMatchObject({
      outcome: 'pass',
      message: 'the SPF tree of MAIL FROM domain mail.example.com has no +all',
    });
  });

  it('fails when the record itself ends in a bare all', async () => {
    const zone = withTxt(HEALTHY, 'example.com', 'v=spf1 include:amazonses.com all');

    const [from] = await runOnZone(check, zone);

    expect(from).toEqual({
      outcome: 'fail',
      message:
        'the SPF policy of example.com authorizes every address on the internet with "all" in the record itself',
      item: 'example.com',
      expected: 'no +all',
      found: 'all at example.com',
    });
  });

  it('fails when an included record ends in +all', async () => {
    const zone = withTxt(HEALTHY, '_spf.example.net', 'v=spf1 ip4:192.0.2.0/24 +all');

    const [from] = await runOnZone(check, zone);

    expect(from).toMatchObject({
      outcome: 'fail',
      message:
        'the SPF policy of example.com authorizes every address on the internet with "+all" at _spf.example.net (through include:_spf.example.net)',
    });
  });

  it('is inconclusive when part of the tree cannot be read', async () => {
    const zone = [
      ...HEALTHY.filter((r) => r.name !== '_spf.example.net'),
      { name: '_spf.example.net', type: 'TXT' as const, rcode: 'REFUSED' as const },
    ];

    const [from] = await runOnZone(check, zone);

    expect(from).toEqual({
      outcome: 'inconclusive',
      message:
        'the SPF tree of example.com could not be read whole (_spf.example.net TXT: REFUSED)',
      item: 'example.com',
      expected: 'no +all',
    });
  });
});
