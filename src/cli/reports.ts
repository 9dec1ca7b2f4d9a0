import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LoadedExpectations } from '../config/load.js';
import { MailspecError } from '../errors.js';
import { jsonReport } from '../report/json.js';
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
    if (!existsSync(dirname(resolve(file)))) {
      throw new MailspecError(
        'MAILSPEC_OUTPUT_UNWRITABLE',
        `--${kind} ${file}: the folder ${dirname(resolve(file))} does not exist`,
      );
    }
  }
}

export function writeReports(
  targets: ReportTargets,
  results: CheckResult[],
  source: string,
  _loaded: LoadedExpectations,
): void {
  if (targets.json)
    writeFileSync(targets.json, `${JSON.stringify(jsonReport(results, source), null, 2)}\n`);
}
