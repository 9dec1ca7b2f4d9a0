import { formatUnshownFindings, formatVerdict } from '../report/attention.js';
import type { ResultCollector } from '../report/collector.js';
import { formatPredictions, predictionsOf } from '../report/predictions.js';
import { formatSummary } from '../report/summary.js';
import { printAnnotations } from './reports.js';

export interface RunOutputOptions {
  source: string;
  failOn: 'fail' | 'warn';
  shard?: string;
  verbose?: boolean;
}

export interface RunOutputIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * What `mailspec audit` prints after vitest's own report: annotations in GitHub Actions, the
 * DMARC predictions, the findings vitest showed as passed, the summary and, when warnings
 * decide the exit code, why the run failed. `--verbose` adds the run's statistics on stderr.
 */
export function printRunOutput(
  collector: Pick<ResultCollector, 'results' | 'stats'>,
  options: RunOutputOptions,
  io: RunOutputIo,
): void {
  const { results } = collector;
  printAnnotations(results, io.env, io.stdout);
  const predictions = formatPredictions(predictionsOf(results));
  if (predictions) io.stdout(`${predictions}\n`);
  const unshown = formatUnshownFindings(results);
  if (unshown) io.stdout(`${unshown}\n`);
  io.stdout(`${formatSummary(results, options.source, { shard: options.shard })}\n`);
  const verdict = formatVerdict(results, options.failOn);
  if (verdict) io.stdout(`${verdict}\n`);
  if (options.verbose) io.stderr(formatStatistics(collector, options.source));
}

/** The run in numbers: the source, what was checked and what it cost in AWS calls. */
export function formatStatistics(
  { results, stats }: Pick<ResultCollector, 'results' | 'stats'>,
  source: string,
): string {
  const checks = new Set(results.map((result) => result.check)).size;
  const subjects = new Set(results.map((result) => result.subject)).size;
  const lines = [
    `source: ${source}`,
    `${results.length} results of ${checks} checks on ${subjects} subjects`,
    stats
      ? `AWS calls: callsMade ${stats.callsMade}, callsDistinct ${stats.callsDistinct}, retries ${stats.retries}`
      : 'AWS calls: no statistics (no test ran)',
  ];
  return lines.map((line) => `mailspec: ${line}\n`).join('');
}
