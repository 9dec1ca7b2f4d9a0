import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditRun } from './audit.js';

/** What the audit spec needs of a run to build its suites. */
export type SuiteRun = Pick<AuditRun, 'source' | 'results' | 'stats'>;

/**
 * `mailspec audit` runs the audit in its own process, where stderr is the user's terminal
 * and a progress line can be drawn, then hands the results to the vitest worker that builds
 * the suites through a file named by MAILSPEC_RESULTS. Results are plain data.
 */
export function writeHandoff(run: SuiteRun): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mailspec-'));
  const file = join(dir, 'results.json');
  const { source, results, stats } = run;
  writeFileSync(file, JSON.stringify({ source, results, stats }), { mode: 0o600 });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function readHandoff(file: string): SuiteRun {
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteRun;
}
