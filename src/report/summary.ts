import { LAYERS, reportedOutcome, type CheckResult, type ReportedOutcome } from '../types.js';
import { formatInconclusiveCauses } from './cause.js';

export type Counts = Record<ReportedOutcome, number>;

const ZERO: Counts = { pass: 0, fail: 0, warn: 0, inconclusive: 0, waived: 0 };

export function countOutcomes(results: CheckResult[]): Counts {
  const counts = { ...ZERO };
  for (const result of results) counts[reportedOutcome(result)]++;
  return counts;
}

/**
 * 0: everything passed or was waived; 1: an expectation failed; 2: something could not be
 * checked (a fail outranks it, since a known fault is the more urgent news).
 */
export function exitCodeFor(results: CheckResult[], failOn: 'fail' | 'warn' = 'fail'): 0 | 1 | 2 {
  const counts = countOutcomes(results);
  // A real fail outranks "could not check"; a warning made to fail by --fail-on does not.
  if (counts.fail > 0) return 1;
  if (counts.inconclusive > 0) return 2;
  if (failOn === 'warn' && counts.warn > 0) return 1;
  return 0;
}

/**
 * The closing table: one line per layer that has results, then the totals, then the causes
 * of the inconclusive results. A shard says which one it is, since its totals are partial.
 */
export function formatSummary(
  results: CheckResult[],
  source: string,
  options: { shard?: string } = {},
): string {
  const covers = options.shard ? `; shard ${options.shard} of the subjects` : '';
  const lines = ['', `mailspec summary (source: ${source}${covers})`];
  for (const layer of LAYERS) {
    const inLayer = results.filter((result) => result.layer === layer);
    if (inLayer.length === 0) continue;
    lines.push(`  ${layer.padEnd(17)} ${formatCounts(countOutcomes(inLayer))}`);
  }
  lines.push(`  ${'total'.padEnd(17)} ${formatCounts(countOutcomes(results))}`);
  lines.push(...formatInconclusiveCauses(results));
  return lines.join('\n');
}

function formatCounts(counts: Counts): string {
  return (Object.keys(counts) as ReportedOutcome[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${kind}`)
    .join(', ');
}
