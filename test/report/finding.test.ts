import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/report/finding.js';
import type { CheckResult } from '../../src/types.js';

const result: CheckResult = {
  check: 'recipient.dmarc-predicted',
  layer: 'recipient',
  severity: 'high',
  title: 'mail is predicted to pass DMARC',
  subject: 'bulk-sender → example.net',
  path: ['bulk-sender → example.net', 'DMARC', 'mail is predicted to pass DMARC'],
  outcome: 'fail',
  message: 'bulk-sender → example.net: DMARC is predicted to fail',
  expected: 'dmarc-pass',
  found: 'region     us-west-2\nDMARC      fail',
  remediation: 'Publish the DKIM CNAMEs.',
  reference: 'https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dmarc.html',
  location: { file: 'expectations.yaml', line: 62, column: 16 },
};

describe('formatFinding', () => {
  it('passes when a found value of several lines stays indented under its label', () => {
    const text = formatFinding(result);

    expect(text).toBe(
      [
        '[recipient] recipient.dmarc-predicted: bulk-sender → example.net: DMARC is predicted to fail',
        '  expected: dmarc-pass',
        '  found:    region     us-west-2',
        '            DMARC      fail',
        '  fix:      Publish the DKIM CNAMEs.',
        '  declared: expectations.yaml:62:16',
      ].join('\n'),
    );
  });

  it('fails when an inconclusive result has no found line saying nothing decided it', () => {
    const text = formatFinding({ ...result, outcome: 'inconclusive', found: undefined });

    expect(text.split('\n')[2]).toBe('  found:    no answer that decides it (see above)');
  });

  it('fails when an inconclusive result gives the remediation as its fix before the check is possible', () => {
    const message =
      'SES identity example.com in us-west-2 could not be read: access denied (the audit role needs ses:GetEmailIdentity)';

    const text = formatFinding({ ...result, outcome: 'inconclusive', message, found: undefined });

    expect(text.split('\n').slice(3)).toEqual([
      '  fix:      first allow ses:GetEmailIdentity to the audit role, so the check can decide',
      '            then, if it fails: Publish the DKIM CNAMEs.',
      '  declared: expectations.yaml:62:16',
    ]);
  });
});
