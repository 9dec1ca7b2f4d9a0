import type {
  DomainExpectation,
  RecipientExpectation,
  RegionExpectation,
  SendingPath,
} from '../config/schema.js';
import type { CheckMeta, Outcome } from '../types.js';
import type { AuditContext } from './context.js';

/** What a check is asked about; `path` is the key path of its declaration in the file. */
export type Subject =
  | { scope: 'domain'; domain: DomainExpectation; path: (string | number)[] }
  | { scope: 'domain-region'; domain: DomainExpectation; region: string; path: (string | number)[] }
  | {
      scope: 'region';
      region: string;
      expectation: RegionExpectation | undefined;
      path: (string | number)[];
    }
  | { scope: 'path'; sendingPath: SendingPath; path: (string | number)[] }
  | {
      scope: 'path-recipient';
      sendingPath: SendingPath;
      recipient: RecipientExpectation;
      path: (string | number)[];
    }
  | { scope: 'recipient'; recipient: RecipientExpectation; path: (string | number)[] };

export type Scope = Subject['scope'];
export type SubjectOf<S extends Scope> = Extract<Subject, { scope: S }>;

/**
 * A check in two halves: `collect` gathers facts through the context (every AWS call and
 * DNS query is shared and made once per run), `evaluate` is a pure function of those facts.
 * Unit tests call `evaluate` with literal facts; the example's full run exercises both.
 */
export interface Check<S extends Scope = Scope, F = unknown> {
  meta: CheckMeta;
  scope: S;
  /**
   * The key under the subject's declaration that this check judges (`credential.username`),
   * so its findings point at that line rather than at the subject's first one.
   */
  keyPath?: (string | number)[];
  /** Whether this check applies to the subject at all (a domain without Route 53, say). */
  appliesTo?(subject: SubjectOf<S>, ctx: AuditContext): boolean;
  collect(subject: SubjectOf<S>, ctx: AuditContext): Promise<F>;
  evaluate(subject: SubjectOf<S>, facts: F, ctx: Pick<AuditContext, 'now'>): Outcome | Outcome[];
}

export function defineCheck<S extends Scope, F>(check: Check<S, F>): Check<S, F> {
  return check;
}

export const pass = (message: string, extra: Partial<Outcome> = {}): Outcome => ({
  outcome: 'pass',
  message,
  ...extra,
});
export const fail = (message: string, extra: Partial<Outcome> = {}): Outcome => ({
  outcome: 'fail',
  message,
  ...extra,
});
export const warn = (message: string, extra: Partial<Outcome> = {}): Outcome => ({
  outcome: 'warn',
  message,
  ...extra,
});
export const inconclusive = (message: string, extra: Partial<Outcome> = {}): Outcome => ({
  outcome: 'inconclusive',
  message,
  ...extra,
});
