import { describe, expect, it } from 'vitest';
import { sarifReport } from '../../src/report/sarif.js';
import { literalResult } from './results.js';

describe('sarif', () => {
  it('fails as an error result on the declaring line, under a rule made from the check', () => {
    const report = sarifReport([literalResult()], 'live AWS and DNS', '0.1.0');

    const run = report.runs[0];
    expect(report.version).toBe('2.1.0');
    expect(run.tool.driver.rules).toEqual([
      {
        id: 'mail-from.mx-matches-region',
        name: 'mail-from.mx-matches-region',
        shortDescription: { text: 'MAIL FROM: MX points at the region endpoint' },
        fullDescription: {
          text: 'Publish MX 10 feedback-smtp.REGION.amazonses.com for the MAIL FROM domain.',
        },
        help: {
          text: 'Publish MX 10 feedback-smtp.REGION.amazonses.com for the MAIL FROM domain. See https://docs.aws.amazon.com/ses/latest/dg/mail-from.html',
        },
        helpUri: 'https://docs.aws.amazon.com/ses/latest/dg/mail-from.html',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['mailspec', 'dns'], 'security-severity': '8.0' },
      },
    ]);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: 'mail-from.mx-matches-region',
      ruleIndex: 0,
      level: 'error',
      message: {
        text: '[dns] MAIL FROM domain mail.example.com has MX feedback-smtp.us-east-1.amazonses.com. Expected: MX feedback-smtp.us-west-2.amazonses.com. Found: MX 10 feedback-smtp.us-east-1.amazonses.com. Fix: Publish MX 10 feedback-smtp.REGION.amazonses.com for the MAIL FROM domain.',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'expectations.yaml' },
            region: { startLine: 18, startColumn: 26 },
          },
        },
      ],
    });
  });

  it('warns for warn and inconclusive, leaves passes out and suppresses waived results', () => {
    const results = [
      literalResult({ outcome: 'pass' }),
      literalResult({ outcome: 'warn' }),
      literalResult({ outcome: 'inconclusive' }),
      literalResult({ waiver: { reason: 'MX moves on Monday', expires: '2027-01-31' } }),
    ];

    const { results: sarif } = sarifReport(results, 'live AWS and DNS', '0.1.0').runs[0];

    expect(sarif.map((r) => r.level)).toEqual(['warning', 'warning', 'error']);
    expect(sarif[2].suppressions).toEqual([
      { kind: 'external', justification: 'MX moves on Monday (until 2027-01-31)' },
    ]);
  });

  it('passes when an inconclusive result asks first to make the check possible', () => {
    const result = literalResult({
      outcome: 'inconclusive',
      message: 'MX of mail.example.com could not be resolved (SERVFAIL)',
      expected: undefined,
      found: undefined,
    });

    const [sarif] = sarifReport([result], 's', '0').runs[0].results;

    expect(sarif.message.text).toBe(
      '[dns] MX of mail.example.com could not be resolved (SERVFAIL). Fix: first make DNS answer (the network, dns.servers or --dns-server), so the check can decide; then, if it fails: Publish MX 10 feedback-smtp.REGION.amazonses.com for the MAIL FROM domain.',
    );
  });

  it('passes when the fingerprint is the same for the same check, subject, region and item', () => {
    const a = sarifReport([literalResult()], 's', '0').runs[0].results[0];
    const b = sarifReport([literalResult({ message: 'other' })], 's', '0').runs[0].results[0];
    const c = sarifReport([literalResult({ region: 'eu-west-1' })], 's', '0').runs[0].results[0];

    expect(a.partialFingerprints).toEqual(b.partialFingerprints);
    expect(a.partialFingerprints).not.toEqual(c.partialFingerprints);
  });

  it('passes when a rule title drops the item a result adds to it', () => {
    const result = literalResult({
      item: 'tok1',
      title: 'MX points at the region endpoint › tok1',
    });

    const { rules } = sarifReport([result], 's', '0').runs[0].tool.driver;

    expect(rules[0].shortDescription.text).toBe('MAIL FROM: MX points at the region endpoint');
  });
});
