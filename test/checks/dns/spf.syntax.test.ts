import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/spf.syntax.js';
import { HEALTHY, runOnZone, withTxt } from '../../spf/check-run.js';

describe('spf.syntax', () => {
  it('passes when a record split into strings joins into valid syntax', async () => {
    const zone = withTxt(HEALTHY, 'mail.example.com', ['v=spf1 include:amazon', 'ses.com ~all']);

    const outcomes = await runOnZone(check, zone);

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message: 'the SPF record of example.com is valid syntax',
        item: 'example.com',
      },
      {
        outcome: 'pass',
        message: 'the SPF record of MAIL FROM domain mail.example.com is valid syntax',
        item: 'mail.example.com',
      },
    ]);
  });

  it('fails when the strings were split as if a space joined them', async () => {
    const zone = withTxt(HEALTHY, 'mail.example.com', ['v=spf1 ip4:192.0.2.', ' 1 ~all']);

    const [, mailFrom] = await runOnZone(check, zone);

    expect(mailFrom).toEqual({
      outcome: 'fail',
      message:
        'the SPF record of MAIL FROM domain mail.example.com is invalid, so receivers return permerror: term "ip4:192.0.2." has an invalid IPv4 address',
      item: 'mail.example.com',
      expected: 'a record following RFC 7208 section 12',
      found: 'v=spf1 ip4:192.0.2. 1 ~all',
    });
  });

  it('fails when an unknown mechanism is used', async () => {
    const zone = withTxt(HEALTHY, 'example.com', 'v=spf1 include:amazonses.com ip:192.0.2.1 ~all');

    const [from] = await runOnZone(check, zone);

    expect(from).toMatchObject({
      outcome: 'fail',
      message:
        'the SPF record of example.com is invalid, so receivers return permerror: term "ip:192.0.2.1" is not a known mechanism',
    });
  });

  it('passes only the domain with one record, leaving two records to spf.record', async () => {
    const zone = withTxt(HEALTHY, 'mail.example.com', 'v=spf1 -all', 'v=spf1 ~all');

    const outcomes = await runOnZone(check, zone);

    expect(outcomes.map((o) => o.item)).toEqual(['example.com']);
  });
});
