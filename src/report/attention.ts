import { reportedOutcome, type CheckResult } from '../types.js';
import { formatFinding } from './finding.js';
import { countOutcomes } from './summary.js';

/**
 * The findings that need attention and that vitest's tree does not show: a warn is a
 * passing test there (a green tick), its message only in the machine-readable reports.
 * Fails and inconclusives are not repeated, since vitest prints each as a failed test.
 * Empty when there is nothing to show.
 */
export function formatUnshownFindings(results: CheckResult[]): string {
  const warnings = results.filter((result) => reportedOutcome(result) === 'warn');
  if (warnings.length === 0) return '';
  const heading = `mailspec ${plural(warnings.length, 'warning')}, shown by vitest as passed tests`;
  return ['', heading, ...warnings.map((result) => `\n${formatFinding(result)}`)].join('\n');
}

/**
 * The closing line when warnings decide the run (`--fail-on warn`), since the tree shows
 * them as passed and a reader would otherwise look for a failure that is not there.
 */
export function formatVerdict(results: CheckResult[], failOn: 'fail' | 'warn'): string {
  const counts = countOutcomes(results);
  // Where a check could not decide, exit code 2 says so, whatever the warnings.
  if (failOn !== 'warn' || counts.warn === 0 || (counts.fail === 0 && counts.inconclusive > 0)) {
    return '';
  }
  const causes = [
    ...(counts.fail > 0 ? [plural(counts.fail, 'fail')] : []),
    plural(counts.warn, 'warning'),
  ];
  return `\nmailspec: the run failed because of ${causes.join(' and ')} (--fail-on warn)`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
