import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/spf.authorizes-ses.js';
import { subjectsFor } from '../../../src/engine/subjects.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { fakeDns, testContext } from '../../support/audit-context.js';
import { AMAZONSES, HEALTHY, runOnZone, SPF_EXPECTATIONS, withTxt } from '../../spf/check-run.js';

const EXPECTED = 'SPF pass for every address range amazonses.com publishes';

describe('spf.authorizes-ses', () => {
  it('passes when the MAIL FROM domain includes amazonses.com', async () => {
    const outcomes = await runOnZone(check, HEALTHY);

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message:
          'MAIL FROM domain mail.example.com authorizes all 2 SES address ranges that amazonses.com publishes',
        item: 'mail.example.com',
        found: '199.255.192.1 pass, 54.240.0.1 pass',
      },
    ]);
  });

  it('fails when the MAIL FROM domain lists only one of the ranges SES sends from', async () => {
    const zone = withTxt(HEALTHY, 'mail.example.com', 'v=spf1 ip4:54.240.0.0/18 ~all');

    const outcomes = await runOnZone(check, zone);

    expect(outcomes).toEqual([
      {
        outcome: 'fail',
        message:
          'MAIL FROM domain mail.example.com does not authorize 1 of the 2 SES address ranges that amazonses.com publishes (199.255.192.1 of 199.255.192.0/22 gives softfail), so SPF fails for mail SES sends from them',
        item: 'mail.example.com',
        expected: EXPECTED,
        found: '199.255.192.1 softfail, 54.240.0.1 pass',
      },
    ]);
  });

  it('fails when amazonses.com publishes a range the MAIL FROM domain lacks (ranges come from DNS)', async () => {
    const zone = withTxt(
      [...HEALTHY.filter((r) => r !== AMAZONSES)],
      'amazonses.com',
      'v=spf1 ip4:203.0.113.0/24 -all',
    );
    const strict = withTxt(zone, 'mail.example.com', 'v=spf1 ip4:54.240.0.0/18 -all');

    const outcomes = await runOnZone(check, strict);

    expect(outcomes).toMatchObject([
      {
        outcome: 'fail',
        message:
          'MAIL FROM domain mail.example.com does not authorize 1 of the 1 SES address ranges that amazonses.com publishes (203.0.113.1 of 203.0.113.0/24 gives fail), so SPF fails for mail SES sends from them',
      },
    ]);
  });

  it('is inconclusive when the SPF record of amazonses.com cannot be read', async () => {
    const zone = [
      ...HEALTHY.filter((r) => r !== AMAZONSES),
      { name: 'amazonses.com', type: 'TXT' as const, rcode: 'SERVFAIL' as const },
    ];

    const outcomes = await runOnZone(check, zone);

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'the SES sending addresses could not be read: the SPF record of amazonses.com could not be resolved (amazonses.com TXT: SERVFAIL)',
        item: 'mail.example.com',
        expected: EXPECTED,
      },
    ]);
  });

  it('is inconclusive when evaluating the MAIL FROM policy meets a DNS failure', async () => {
    const zone = [
      ...withTxt(
        HEALTHY,
        'mail.example.com',
        'v=spf1 a:relay.example.com include:amazonses.com ~all',
      ),
      { name: 'relay.example.com', type: 'A' as const, rcode: 'SERVFAIL' as const },
    ];

    const outcomes = await runOnZone(check, zone);

    expect(outcomes).toMatchObject([
      {
        outcome: 'inconclusive',
        message:
          'the SPF policy of MAIL FROM domain mail.example.com could not be evaluated for SES address 199.255.192.1 (temperror: mailspec: error in processing during lookup of bounce@mail.example.com: A relay.example.com: ESERVFAIL)',
      },
    ]);
  });

  it('is inconclusive when the SPF record of amazonses.com times out, named as unresolved', async () => {
    const ctx = testContext({
      dns: fakeDns({ 'amazonses.com TXT': { status: 'timeout' } }),
      yaml: SPF_EXPECTATIONS,
    });
    const subject = subjectsFor(ctx.loaded.expectations, 'domain')[0] as SubjectOf<'domain'>;

    const outcomes = check.evaluate(subject, await check.collect(subject, ctx), ctx);

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'the SES sending addresses could not be read: the SPF record of amazonses.com could not be resolved (amazonses.com TXT: DNS timeout)',
        item: 'mail.example.com',
        expected: EXPECTED,
      },
    ]);
  });
});
