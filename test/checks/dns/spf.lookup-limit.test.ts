import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/spf.lookup-limit.js';
import type { ZoneRecord } from '../../../src/dns/zone.js';
import { HEALTHY, runOnZone, withTxt } from '../../spf/check-run.js';

const txt = (name: string, data: string): ZoneRecord => ({ name, type: 'TXT', data });

describe('spf.lookup-limit', () => {
  it('passes when the whole tree makes 10 lookups or fewer', async () => {
    const outcomes = await runOnZone(check, HEALTHY);

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message:
          'the SPF record of example.com makes 2 DNS lookups over its include and redirect tree, within the limit of 10',
        item: 'example.com',
        found: 'example.com 2',
      },
      {
        outcome: 'pass',
        message:
          'the SPF record of MAIL FROM domain mail.example.com makes 1 DNS lookup over its include and redirect tree, within the limit of 10',
        item: 'mail.example.com',
        found: 'mail.example.com 1',
      },
    ]);
  });

  it('fails when branches no single client address walks together add up to 11', async () => {
    // An address inside 192.0.2.0/24 stops at the first include: only a tree-wide count
    // sees the lookups behind the others.
    const zone = [
      ...withTxt(
        HEALTHY,
        'example.com',
        'v=spf1 include:_a.example.com include:_b.example.com include:amazonses.com ~all',
      ),
      txt('_a.example.com', 'v=spf1 ip4:192.0.2.0/24 a mx -all'),
      txt(
        '_b.example.com',
        'v=spf1 a:x.example.com mx:y.example.com exists:z.example.com redirect=_c.example.com',
      ),
      txt('_c.example.com', 'v=spf1 ptr a:w.example.com -all'),
    ];

    const [from] = await runOnZone(check, zone);

    expect(from).toEqual({
      outcome: 'fail',
      message:
        'the SPF record of example.com makes 11 DNS lookups over its include and redirect tree, above the limit of 10, so receivers return permerror',
      item: 'example.com',
      expected: 'at most 10 DNS lookups',
      found: 'example.com 3, _a.example.com 2, _b.example.com 4, _c.example.com 2',
    });
  });

  it('fails when the tree includes a domain already on its path', async () => {
    const zone = [
      ...withTxt(HEALTHY, 'mail.example.com', 'v=spf1 include:_loop.example.com ~all'),
      txt('_loop.example.com', 'v=spf1 include:mail.example.com -all'),
    ];

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'fail',
      message:
        'the SPF tree of MAIL FROM domain mail.example.com loops back to mail.example.com at _loop.example.com, so receivers run out of lookups and return permerror',
      item: 'mail.example.com',
      expected: 'at most 10 DNS lookups',
      found: 'include:mail.example.com at _loop.example.com',
    });
  });

  it('is inconclusive when an include target cannot be resolved and the count is within the limit', async () => {
    const zone = [
      ...HEALTHY.filter((r) => r.name !== '_spf.example.net'),
      { name: '_spf.example.net', type: 'TXT' as const, rcode: 'SERVFAIL' as const },
    ];

    const [from] = await runOnZone(check, zone);

    expect(from).toEqual({
      outcome: 'inconclusive',
      message:
        'the DNS lookups of the SPF record of example.com could not all be counted (_spf.example.net TXT: SERVFAIL)',
      item: 'example.com',
      expected: 'at most 10 DNS lookups',
      found: 'example.com 2',
    });
  });

  it('is inconclusive when an include target depends on the sender', async () => {
    const zone = withTxt(HEALTHY, 'mail.example.com', 'v=spf1 include:%{l}._spf.example.com ~all');

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'inconclusive',
      message:
        'the DNS lookups of the SPF record of MAIL FROM domain mail.example.com could not all be counted (include:%{l}._spf.example.com: depends on the sender)',
      item: 'mail.example.com',
      expected: 'at most 10 DNS lookups',
      found: 'mail.example.com 1',
    });
  });

  it('fails against a lower limit declared in spf.max_lookups', async () => {
    const yaml = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
    spf: { max_lookups: 1 }
`;

    const outcomes = await runOnZone(check, HEALTHY, yaml);

    expect(outcomes).toMatchObject([
      {
        outcome: 'fail',
        message:
          'the SPF record of example.com makes 2 DNS lookups over its include and redirect tree, above the limit of 1, so receivers return permerror',
      },
    ]);
  });
});
