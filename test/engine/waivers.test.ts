import { describe, expect, it } from 'vitest';
import { ConfigError, parseExpectations } from '../../src/config/load.js';
import { applyWaivers } from '../../src/engine/waivers.js';
import { countOutcomes, exitCodeFor } from '../../src/report/summary.js';
import { reportedOutcome, type CheckResult } from '../../src/types.js';

const HEAD = `version: 1
source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
waivers:
`;

function load(waivers: string) {
  return parseExpectations(HEAD + waivers, 'expectations.yaml');
}

function result(extra: Partial<CheckResult> = {}): CheckResult {
  return {
    outcome: 'fail',
    message: 'DMARC policy of example.com is p=none',
    check: 'dmarc.policy',
    layer: 'dns',
    severity: 'medium',
    title: 'policy is at least the one expected',
    subject: 'example.com',
    path: ['example.com', 'DMARC', 'policy is at least the one expected'],
    remediation: 'Publish the DMARC policy the expectation asks for.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-6.3',
    ...extra,
  };
}

const NOW = new Date('2026-11-30T09:00:00Z');

describe('waivers', () => {
  it('passes when an active waiver keeps the real outcome and attaches its reason', () => {
    const loaded = load(`  - check: dmarc.policy
    subject: example.com
    reason: moving to p=reject after the Q1 review
    expires: 2026-11-30
`);

    const [waived] = applyWaivers([result()], loaded, NOW);

    expect(waived.outcome).toBe('fail');
    expect(reportedOutcome(waived)).toBe('waived');
    expect(waived.message).toBe('DMARC policy of example.com is p=none');
    expect(waived.waiver).toEqual({
      reason: 'moving to p=reject after the Q1 review',
      expires: '2026-11-30',
      location: { file: 'expectations.yaml', line: 7, column: 5 },
    });
  });

  it('fails when the waiver expired: the check is back on and says which waiver', () => {
    const loaded = load(`  - check: dmarc.policy
    subject: example.com
    reason: moving to p=reject after the Q1 review
    expires: 2026-11-29
`);

    const [checked] = applyWaivers([result()], loaded, NOW);

    expect(reportedOutcome(checked)).toBe('fail');
    expect(checked.waiver).toBeUndefined();
    expect(checked.message).toBe(
      'DMARC policy of example.com is p=none; the waiver at line 7 expired on 2026-11-29 and no longer applies',
    );
  });

  it('passes when region and item narrow the waiver to one result', () => {
    const loaded = load(`  - check: suppression.must-reach
    subject: account
    region: us-west-2
    item: purchasing@example.net
    reason: customer asked us to hold mail until March
    expires: 2027-03-01
`);
    const base = {
      check: 'suppression.must-reach',
      subject: 'account',
      layer: 'suppression' as const,
    };
    const results = [
      result({ ...base, region: 'us-west-2', item: 'purchasing@example.net' }),
      result({ ...base, region: 'us-west-2', item: 'billing@example.net' }),
      result({ ...base, region: 'us-east-1', item: 'purchasing@example.net' }),
    ];

    const outcomes = applyWaivers(results, loaded, NOW).map(reportedOutcome);

    expect(outcomes).toEqual(['waived', 'fail', 'fail']);
  });

  it('warns when a waiver matches no result, in the config layer at the waiver line', () => {
    const loaded = load(`  - check: dmarc.policy
    subject: example.org
    reason: old domain
    expires: 2027-01-01
`);

    const results = applyWaivers([result()], loaded, NOW);

    expect(results).toHaveLength(2);
    const stale = results[1];
    expect(stale.outcome).toBe('warn');
    expect(stale.layer).toBe('config');
    expect(stale.check).toBe('config.waiver-matches');
    expect(stale.message).toBe(
      'waiver for dmarc.policy on example.org matches no result; remove it or correct its check id, subject, region or item',
    );
    expect(stale.location).toEqual({ file: 'expectations.yaml', line: 7, column: 5 });
  });

  it('passes when a waiver writes the arrow of a path and recipient as ->', () => {
    const loaded = load(`  - check: recipient.dmarc-predicted
    subject: bulk-sender -> Example.NET
    reason: partner moves to DKIM signing in January
    expires: 2027-01-31
`);
    const predicted = result({
      check: 'recipient.dmarc-predicted',
      layer: 'recipient',
      subject: 'bulk-sender → example.net',
    });

    const results = applyWaivers([predicted], loaded, NOW);

    expect(results.map(reportedOutcome)).toEqual(['waived']);
  });

  it('warns naming the nearest subject of the check when a waiver matches no result', () => {
    const loaded = load(`  - check: recipient.dmarc-predicted
    subject: bulk-sendr → example.net
    reason: partner moves to DKIM signing in January
    expires: 2027-01-31
`);
    const predicted = result({
      check: 'recipient.dmarc-predicted',
      layer: 'recipient',
      subject: 'bulk-sender → example.net',
    });

    const stale = applyWaivers([predicted, result()], loaded, NOW).at(-1)!;

    expect(stale.message).toBe(
      'waiver for recipient.dmarc-predicted on bulk-sendr → example.net matches no result (did you mean "bulk-sender → example.net"?); remove it or correct its check id, subject, region or item',
    );
  });

  it('warns naming the check that has the subject when the waived check has no result', () => {
    const loaded = load(`  - check: dmarc.policy
    subject: bulk-sender -> example.net
    reason: partner moves to DKIM signing in January
    expires: 2027-01-31
`);
    const predicted = result({
      check: 'recipient.dmarc-predicted',
      layer: 'recipient',
      subject: 'bulk-sender → example.net',
    });

    const [, stale] = applyWaivers([predicted], loaded, NOW);

    expect(stale.message).toBe(
      'waiver for dmarc.policy on bulk-sender -> example.net matches no result (did you mean recipient.dmarc-predicted on "bulk-sender → example.net"?); remove it or correct its check id, subject, region or item',
    );
  });

  it('passes when a shard does not own the waiver subject: no stale warning there', () => {
    const loaded = load(`  - check: dmarc.policy
    subject: example.org
    reason: old domain
    expires: 2027-01-01
`);

    const results = applyWaivers([], loaded, NOW, { ownsSubject: () => false });

    expect(results).toEqual([]);
  });

  it('fails when a waiver date is malformed, with its line', () => {
    const act = () =>
      load(`  - check: dmarc.policy
    subject: example.com
    reason: review
    expires: 2027-02-30
`);

    expect(act).toThrow(ConfigError);
    expect(() => act()).toThrow('waivers[0].expires: expected a real calendar date');
    try {
      act();
    } catch (error) {
      expect((error as ConfigError).toLine()).toBe(
        'expectations.yaml:10:14: waivers[0].expires: expected a real calendar date, got "2027-02-30" [MAILSPEC_CONFIG_INVALID]',
      );
    }
  });

  it('fails when a waiver has no reason', () => {
    const act = () =>
      load(`  - check: dmarc.policy
    subject: example.com
    expires: 2027-01-01
`);

    expect(act).toThrow(ConfigError);
    try {
      act();
    } catch (error) {
      expect((error as ConfigError).toLine()).toBe(
        'expectations.yaml:7:5: missing key "reason" in waivers[0] (expected string) [MAILSPEC_CONFIG_INVALID]',
      );
    }
  });

  it('fails when a waiver reason is blank', () => {
    const act = () =>
      load(`  - check: dmarc.policy
    subject: example.com
    reason: "  "
    expires: 2027-01-01
`);

    expect(act).toThrow('a waiver needs a reason');
  });
});

describe('waivers and results that could not be checked', () => {
  const WAIVER = `  - check: dmarc.policy
    subject: EXAMPLE.COM
    reason: moving to p=reject after the Q1 review
    expires: 2026-12-31
`;

  it('fails when every result is inconclusive: waivers do not turn it into exit 0', () => {
    const loaded = load(WAIVER);
    const message = 'DMARC record of example.com could not be read (DNS timeout)';

    const [checked] = applyWaivers([result({ outcome: 'inconclusive', message })], loaded, NOW);

    expect(reportedOutcome(checked)).toBe('inconclusive');
    expect(checked.waiver).toBeUndefined();
    expect(checked.message).toBe(
      'DMARC record of example.com could not be read (DNS timeout); the waiver at line 7 covers fail and warn only, not a check that could not decide',
    );
    expect(countOutcomes([checked])).toEqual({
      pass: 0,
      fail: 0,
      warn: 0,
      inconclusive: 1,
      waived: 0,
    });
    expect(exitCodeFor([checked])).toBe(2);
  });

  it('passes when a waiver subject names the domain in capitals: it still matches', () => {
    const loaded = load(WAIVER);

    const results = applyWaivers([result({ outcome: 'warn' })], loaded, NOW);

    expect(results.map(reportedOutcome)).toEqual(['waived']);
    expect(exitCodeFor(results)).toBe(0);
  });
});
