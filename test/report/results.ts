import type { CheckResult } from '../../src/types.js';

/** A literal result for reporter tests; each test overrides what it is about. */
export function literalResult(extra: Partial<CheckResult> = {}): CheckResult {
  return {
    outcome: 'fail',
    message: 'MAIL FROM domain mail.example.com has MX feedback-smtp.us-east-1.amazonses.com',
    expected: 'MX feedback-smtp.us-west-2.amazonses.com',
    found: 'MX 10 feedback-smtp.us-east-1.amazonses.com',
    check: 'mail-from.mx-matches-region',
    layer: 'dns',
    severity: 'high',
    title: 'MX points at the region endpoint',
    subject: 'example.com',
    region: 'us-west-2',
    path: ['example.com', 'us-west-2', 'MAIL FROM', 'MX points at the region endpoint'],
    remediation: 'Publish MX 10 feedback-smtp.REGION.amazonses.com for the MAIL FROM domain.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/mail-from.html',
    location: { file: 'expectations.yaml', line: 18, column: 26 },
    ...extra,
  };
}
