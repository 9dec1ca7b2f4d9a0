import { reportedOutcome, type CheckResult } from '../types.js';

/**
 * A finding as a person reads it: the sentence first, then what was expected, what was
 * found, how to fix it and where the expectation was declared.
 */
export function formatFinding(result: CheckResult): string {
  const lines = [`[${result.layer}] ${result.check}: ${result.message}`];
  if (result.expected) lines.push(`  expected: ${result.expected}`);
  if (result.found) lines.push(`  found:    ${result.found}`);
  if (result.outcome !== 'pass') lines.push(`  fix:      ${result.remediation}`);
  if (result.location) {
    const { file, line, column } = result.location;
    lines.push(`  declared: ${file}:${line}:${column}`);
  }
  return lines.join('\n');
}

/** `FAIL`, `INCONCLUSIVE`… as the human report and the summary show them. */
export function outcomeLabel(result: CheckResult): string {
  return reportedOutcome(result).toUpperCase();
}
