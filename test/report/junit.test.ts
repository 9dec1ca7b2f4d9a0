import { describe, expect, it } from 'vitest';
import { escapeXml, junitReport } from '../../src/report/junit.js';
import { literalResult } from './results.js';

describe('junit', () => {
  it('fails a failing result as <failure> with the finding, named by its test path', () => {
    const xml = junitReport([literalResult()], 'live AWS and DNS');

    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="mailspec (source: live AWS and DNS)" tests="1" failures="1" errors="0" skipped="0">
  <testsuite name="dns" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="example.com › us-west-2 › MAIL FROM › MX points at the region endpoint" classname="dns.mail-from.mx-matches-region" file="expectations.yaml" line="18">
      <failure message="MAIL FROM domain mail.example.com has MX feedback-smtp.us-east-1.amazonses.com" type="fail">[dns] mail-from.mx-matches-region: MAIL FROM domain mail.example.com has MX feedback-smtp.us-east-1.amazonses.com
  expected: MX feedback-smtp.us-west-2.amazonses.com
  found:    MX 10 feedback-smtp.us-east-1.amazonses.com
  fix:      Publish MX 10 feedback-smtp.REGION.amazonses.com for the MAIL FROM domain.
  declared: expectations.yaml:18:26</failure>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('fails an inconclusive result as <error>, never as a pass', () => {
    const result = literalResult({ outcome: 'inconclusive', message: 'could not read <x>' });

    const xml = junitReport([result], 'live AWS and DNS');

    expect(xml).toContain('errors="1"');
    expect(xml).toContain('<error message="could not read &lt;x&gt;" type="inconclusive">');
    expect(xml).not.toContain('<failure');
  });

  it('passes a waived result as <skipped> with its reason and real outcome', () => {
    const waiver = { reason: 'moving MX on "Monday" & after', expires: '2027-01-31' };
    const result = literalResult({ waiver, message: 'MX is wrong' });

    const xml = junitReport([result], 'live AWS and DNS');

    expect(xml).toContain(
      '<skipped message="waived until 2027-01-31: moving MX on &quot;Monday&quot; &amp; after (really fail: MX is wrong)"/>',
    );
    expect(xml).toContain('skipped="1"');
  });

  it('passes a passing result as an empty testcase, one suite per layer in layer order', () => {
    const results = [
      literalResult({ outcome: 'pass', layer: 'ses-identity', check: 'identity.verified' }),
      literalResult({ outcome: 'pass' }),
    ];

    const xml = junitReport(results, 'live AWS and DNS');

    expect(xml.indexOf('<testsuite name="dns"')).toBeLessThan(
      xml.indexOf('<testsuite name="ses-identity"'),
    );
    expect(xml).toContain('line="18"/>');
  });

  it('passes when control characters XML cannot carry are dropped', () => {
    expect(escapeXml("a\u0001b<'>")).toBe('ab&lt;&apos;&gt;');
  });
});
