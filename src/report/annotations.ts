import { reportedOutcome, type CheckResult } from '../types.js';
import { formatFinding } from './finding.js';

/**
 * GitHub Actions workflow commands, one per result that needs attention: `::error` for a
 * fail, `::warning` for a warn or an inconclusive. Each points at the line of the
 * expectations file that declared the expectation, so the pull request shows it there.
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
export function githubAnnotations(results: CheckResult[]): string[] {
  return results.flatMap((result) => {
    const outcome = reportedOutcome(result);
    if (outcome === 'pass' || outcome === 'waived') return [];
    const command = outcome === 'fail' ? 'error' : 'warning';
    const properties: [string, string | number][] = [];
    if (result.location) {
      properties.push(['file', result.location.file.split('\\').join('/')]);
      properties.push(['line', result.location.line]);
      properties.push(['col', result.location.column]);
    }
    properties.push(['title', `mailspec ${outcome}: ${result.check} (${result.layer})`]);
    const formatted = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
    return [`::${command} ${formatted.join(',')}::${escapeData(formatFinding(result))}`];
  });
}

/** The message part: %, CR and LF are escaped (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as the message, plus the `:` and `,` that delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
