import { reportedOutcome, type CheckResult } from '../types.js';
import { inconclusiveCause } from './cause.js';

const FOUND_BY_OUTCOME: Record<string, string> = {
  fail: 'the state named above',
  warn: 'the state named above',
  inconclusive: 'no answer that decides it (see above)',
};

/**
 * A finding as a person reads it: the sentence first, then what was expected, what was
 * found, how to fix it and where the expectation was declared. A result that needs attention
 * always has all four lines: when a check states no `expected`, its title is the expectation;
 * when it states no `found`, the sentence names it (or, inconclusive, there was no answer).
 */
export function formatFinding(result: CheckResult): string {
  const lines = [`[${result.layer}] ${result.check}: ${result.message}`];
  const attention = result.outcome !== 'pass';
  const expected = result.expected ?? (attention ? result.title : undefined);
  const found = result.found ?? (attention ? FOUND_BY_OUTCOME[result.outcome] : undefined);
  if (expected) lines.push(field('expected', expected));
  if (found) lines.push(field('found', found));
  if (attention) lines.push(field('fix', fixOf(result)));
  if (result.location) {
    const { file, line, column } = result.location;
    lines.push(`  declared: ${file}:${line}:${column}`);
  }
  return lines.join('\n');
}

/**
 * The remediation repairs the setup; an inconclusive result has not shown the setup to be
 * wrong, so its fix first makes the check possible and keeps the remediation for after.
 */
export function fixOf(result: CheckResult): string {
  if (result.outcome !== 'inconclusive') return result.remediation;
  const { makePossible } = inconclusiveCause(result.message);
  return `first ${makePossible}, so the check can decide\nthen, if it fails: ${result.remediation}`;
}

/** `  found:    …`, a value of several lines kept under its first line. */
function field(label: string, value: string): string {
  const head = `  ${label}:`.padEnd(12);
  return head + value.split('\n').join(`\n${' '.repeat(12)}`);
}

/** `FAIL`, `INCONCLUSIVE`… as the human report and the summary show them. */
export function outcomeLabel(result: CheckResult): string {
  return reportedOutcome(result).toUpperCase();
}
