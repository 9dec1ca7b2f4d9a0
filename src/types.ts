import type { SourceLocation } from './errors.js';
import type { PathPrediction } from './predict/table.js';

/** The layers a finding can belong to, from the wire up to the receiving server. */
export const LAYERS = [
  'dns',
  'ses-identity',
  'ses-account',
  'suppression',
  'iam',
  'smtp-credentials',
  'sending-path',
  'recipient',
  // Findings about the expectations file itself (a stale waiver), not about the setup.
  'config',
] as const;
export type Layer = (typeof LAYERS)[number];

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * pass and warn count as passing; fail and inconclusive never do. inconclusive means the
 * check could not decide (access denied, throttled, DNS timeout) and is kept apart from fail.
 */
export type OutcomeKind = 'pass' | 'fail' | 'warn' | 'inconclusive';
export type ReportedOutcome = OutcomeKind | 'waived';

/** What one check concluded about one subject. */
export interface Outcome {
  outcome: OutcomeKind;
  /** One sentence naming the subject and the state found. */
  message: string;
  /** What the expectation asked for, in words ("MX feedback-smtp.us-west-2.amazonses.com"). */
  expected?: string;
  /** What was actually there: the record, the API field and its value. */
  found?: string;
  /**
   * The single item this outcome is about when a check judges several (an address, a
   * token): it becomes part of the test name and can be waived on its own.
   */
  item?: string;
  /** The DMARC prediction a recipient.dmarc-predicted outcome rests on, for its table. */
  prediction?: PathPrediction;
  /**
   * The remedy when it differs from the check's own: a check that had nothing to look at
   * says how to let it look, not how to fix what it never saw. Becomes the remediation.
   */
  fix?: string;
}

/** Static description of a check, validated when the checks are loaded. */
export interface CheckMeta {
  /** Stable id, also the file name and the test title: `dkim.cnames-published`. */
  id: string;
  layer: Layer;
  severity: Severity;
  /** The group in test names, as an administrator says it: "DKIM", "MAIL FROM", "SPF". */
  group: string;
  /** Short title used in test names ("every token CNAME is published"). */
  title: string;
  /** What to do when it fails, as one or two sentences. */
  remediation: string;
  /** A documentation page that explains the requirement. */
  reference: string;
}

/** One row of the report: an outcome placed on its check, subject and declaration. */
export interface CheckResult extends Outcome {
  check: string;
  layer: Layer;
  severity: Severity;
  title: string;
  subject: string;
  region?: string;
  /** Words of the test path: [subject, region?, group, title]. */
  path: string[];
  remediation: string;
  reference: string;
  location?: SourceLocation;
  /** Set when a waiver matched: the outcome the check really had is kept in `outcome`. */
  waiver?: { reason: string; expires: string; location?: SourceLocation };
}

/**
 * A waiver accepts a known fault (fail or warn). It never covers inconclusive: a check that
 * could not decide says nothing a person could have accepted, so it stays inconclusive.
 */
export function reportedOutcome(result: CheckResult): ReportedOutcome {
  return result.waiver && isWaivable(result.outcome) ? 'waived' : result.outcome;
}

export function isWaivable(outcome: OutcomeKind): boolean {
  return outcome === 'fail' || outcome === 'warn';
}
