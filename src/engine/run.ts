import { sharedLookup } from '../dns/shared-lookup.js';
import type { CheckResult, Outcome } from '../types.js';
import type { Check, Scope, Subject } from './check.js';
import type { AuditContext } from './context.js';
import type { LoadedCheck } from './registry.js';
import { findingPath, subjectName, subjectsFor } from './subjects.js';
import { applyWaivers, type WaiverOptions } from './waivers.js';

const SCOPES: Scope[] = [
  'domain-region',
  'domain',
  'region',
  'path',
  'path-recipient',
  'recipient',
];

/** Told each time a check finishes on a subject, per layer, for a progress line. */
export type ProgressListener = (layer: string, done: number, total: number) => void;

/**
 * Runs every check on every subject it applies to, concurrently: collection is shared
 * through the context, so the order here does not change how many calls are made.
 * Results come back in declaration order, whatever order they finished in.
 */
export async function runAudit(
  given: AuditContext,
  checks: LoadedCheck[],
  options: WaiverOptions & { progress?: ProgressListener } = {},
): Promise<CheckResult[]> {
  const { expectations } = given.loaded;
  // Every DNS question once per run, however many collectors ask it, and a bounded number
  // in flight; AWS calls get the same from the gateway.
  const ctx = { ...given, dns: sharedLookup(given.dns, expectations.dns?.concurrency) };
  const owns = options.ownsSubject ?? (() => true);
  const jobs: Promise<CheckResult[]>[] = [];
  const layers = new Map<string, { done: number; total: number }>();

  for (const scope of SCOPES) {
    const scoped = checks.filter(({ check }) => check.scope === scope);
    for (const subject of subjectsFor(expectations, scope)) {
      if (!owns(subjectName(subject).subject)) continue;
      for (const { check } of scoped) {
        if (check.appliesTo && !check.appliesTo(subject as never, ctx)) continue;
        const { layer } = check.meta;
        const counts = layers.get(layer) ?? { done: 0, total: 0 };
        layers.set(layer, counts);
        counts.total++;
        jobs.push(
          runOne(check, subject, ctx).then((results) => {
            counts.done++;
            options.progress?.(layer, counts.done, counts.total);
            return results;
          }),
        );
      }
    }
  }

  const results = (await Promise.all(jobs)).flat();
  return applyWaivers(results, ctx.loaded, ctx.now(), options);
}

async function runOne(check: Check, subject: Subject, ctx: AuditContext): Promise<CheckResult[]> {
  let outcomes: Outcome[];
  try {
    const facts = await check.collect(subject as never, ctx);
    const evaluated = check.evaluate(subject as never, facts, ctx);
    outcomes = Array.isArray(evaluated) ? evaluated : [evaluated];
  } catch (error) {
    // A crash is a bug in mailspec, never a verdict on the setup: it must not read as pass.
    ctx.logger.warn(`check ${check.meta.id} crashed`, { error: (error as Error).stack });
    outcomes = [
      {
        outcome: 'inconclusive',
        message: `check ${check.meta.id} could not run: ${(error as Error).message}`,
      },
    ];
  }
  return outcomes.map((outcome) => toResult(check, subject, outcome, ctx));
}

function toResult(
  check: Check,
  subject: Subject,
  outcome: Outcome,
  ctx: AuditContext,
): CheckResult {
  const { subject: name, region } = subjectName(subject);
  const { meta } = check;
  const title = outcome.item ? `${meta.title} › ${outcome.item}` : meta.title;
  const { fix, ...judged } = outcome;
  return {
    ...judged,
    check: meta.id,
    layer: meta.layer,
    severity: meta.severity,
    title,
    subject: name,
    region,
    path: [name, ...(region ? [region] : []), meta.group, title],
    remediation: fix ?? meta.remediation,
    reference: meta.reference,
    location: ctx.loaded.locate(
      findingPath(subject, ctx.loaded.expectations, { keyPath: check.keyPath, item: outcome.item }),
    ),
  };
}
