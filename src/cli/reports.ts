import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedExpectations } from '../config/load.js';
import { MailspecError } from '../errors.js';
import { githubAnnotations } from '../report/annotations.js';
import { jsonReport } from '../report/json.js';
import { junitReport } from '../report/junit.js';
import { sarifReport } from '../report/sarif.js';
import type { CheckResult } from '../types.js';

export interface ReportTargets {
  json?: string;
  junit?: string;
  sarif?: string;
}

/** Checks every report path before the run, so a typo costs nothing. */
export function assertWritable(targets: ReportTargets): void {
  for (const [kind, file] of Object.entries(targets)) {
    if (!file) continue;
    const folder = dirname(resolve(file));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new MailspecError(
        'MAILSPEC_OUTPUT_UNWRITABLE',
        `--${kind} ${file}: the folder ${folder} does not exist`,
      );
    }
  }
}

/** Writes each requested report to its own file. */
export function writeReports(
  targets: ReportTargets,
  results: CheckResult[],
  source: string,
  _loaded: LoadedExpectations,
  failOn: 'fail' | 'warn' = 'fail',
): void {
  if (targets.json) {
    const report = jsonReport(results, source, failOn);
    writeFileSync(targets.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (targets.junit) writeFileSync(targets.junit, junitReport(results, source));
  if (targets.sarif) {
    const report = sarifReport(results, source, packageVersion());
    writeFileSync(targets.sarif, `${JSON.stringify(report, null, 2)}\n`);
  }
}

/** Workflow commands go to standard output, where the Actions runner reads them. */
export function printAnnotations(
  results: CheckResult[],
  env: NodeJS.ProcessEnv,
  write: (text: string) => void,
): void {
  if (env.GITHUB_ACTIONS !== 'true') return;
  for (const line of githubAnnotations(results)) write(`${line}\n`);
}

function packageVersion(): string {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
