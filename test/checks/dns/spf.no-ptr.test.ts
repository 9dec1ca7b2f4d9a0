import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/spf.no-ptr.js';
import type { ZoneRecord } from '../../../src/dns/zone.js';
import { HEALTHY, runOnZone, withTxt } from '../../spf/check-run.js';

const txt = (name: string, data: string): ZoneRecord => ({ name, type: 'TXT', data });

describe('spf.no-ptr', () => {
  it('passes when no record of the tree uses ptr', async () => {
    const outcomes = await runOnZone(check, HEALTHY);

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message: 'the SPF tree of example.com uses no ptr mechanism',
        item: 'example.com',
      },
      {
        outcome: 'pass',
        message: 'the SPF tree of MAIL FROM domain mail.example.com uses no ptr mechanism',
        item: 'mail.example.com',
      },
    ]);
  });

  it('warns when a record reached by redirect uses ptr', async () => {
    const zone = [
      ...withTxt(
        HEALTHY,
        'mail.example.com',
        'v=spf1 include:amazonses.com redirect=_spf.example.com',
      ),
      txt('_spf.example.com', 'v=spf1 ptr:example.com ~all'),
    ];

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'warn',
      message:
        'the SPF tree of MAIL FROM domain mail.example.com uses "ptr:example.com" at _spf.example.com (through redirect=_spf.example.com), which RFC 7208 says not to use',
      item: 'mail.example.com',
      expected: 'no ptr mechanism',
      found: 'ptr:example.com at _spf.example.com',
    });
  });

  it('passes when the ptr sits behind a redirect that an all mechanism makes unreachable', async () => {
    const zone = [
      ...withTxt(
        HEALTHY,
        'mail.example.com',
        'v=spf1 include:amazonses.com -all redirect=_spf.example.com',
      ),
      txt('_spf.example.com', 'v=spf1 ptr -all'),
    ];

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toMatchObject({
      outcome: 'pass',
      message: 'the SPF tree of MAIL FROM domain mail.example.com uses no ptr mechanism',
    });
  });
});
