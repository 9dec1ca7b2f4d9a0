import { reportedOutcome, type CheckResult } from '../types.js';
import { predictionsOf } from './predictions.js';
import { countOutcomes, exitCodeFor } from './summary.js';

/** The JSON report: one entry per result, the real outcome kept beside a waiver. */
export function jsonReport(
  results: CheckResult[],
  source: string,
  failOn: 'fail' | 'warn' = 'fail',
) {
  return {
    source,
    results: results.map((result) => ({
      check: result.check,
      layer: result.layer,
      severity: result.severity,
      subject: result.subject,
      region: result.region ?? null,
      item: result.item ?? null,
      outcome: reportedOutcome(result),
      message: result.message,
      expected: result.expected ?? null,
      found: result.found ?? null,
      remediation: result.remediation,
      reference: result.reference,
      location: result.location ?? null,
      waiver: result.waiver ? { ...result.waiver, real_outcome: result.outcome } : null,
    })),
    // Per path and recipient: what a receiver sees (MAIL FROM, SPF, DKIM) and does.
    predictions: predictionsOf(results),
    summary: {
      ...countOutcomes(results),
      total: results.length,
      exit_code: exitCodeFor(results, failOn),
    },
  };
}
