import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
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
export function assertWritable(
  targets: ReportTargets,
  inputs: { files?: string[]; folders?: string[] } = {},
): void {
  const claimed = new Map<string, string>();
  for (const [kind, file] of Object.entries(targets)) {
    if (!file) continue;
    const unwritable = (why: string) =>
      new MailspecError('MAILSPEC_OUTPUT_UNWRITABLE', `--${kind} ${file}: ${why}`);
    const folder = dirname(resolve(file));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw unwritable(`the folder ${folder} does not exist`);
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      throw unwritable('it is a folder; give a file name for the report');
    }
    // A report must never replace what the audit reads: the expectations or a recording.
    if ((inputs.files ?? []).some((input) => resolve(input) === resolve(file))) {
      throw unwritable('that is the expectations file the audit reads');
    }
    const recording = (inputs.folders ?? []).find((dir) => isInside(resolve(file), resolve(dir)));
    if (recording) throw unwritable(`that is inside the fixture folder ${recording}`);
    // Two reports in one file would leave only the last one written.
    const other = claimed.get(resolve(file));
    if (other) throw unwritable(`--${other} writes to the same file`);
    claimed.set(resolve(file), kind);
  }
}

function isInside(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
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
    writeReport('json', targets.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (targets.junit) writeReport('junit', targets.junit, junitReport(results, source));
  if (targets.sarif) {
    const report = sarifReport(results, source, packageVersion());
    writeReport('sarif', targets.sarif, `${JSON.stringify(report, null, 2)}\n`);
  }
}

/** A write that fails after the run (a full disk, a permission) is still one line, exit 2. */
function writeReport(kind: string, file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new MailspecError(
      'MAILSPEC_OUTPUT_UNWRITABLE',
      `--${kind} ${file}: cannot be written (${code})`,
    );
  }
}

/** Workflow commands go to standard output, where the Actions runner reads them. */
export function printAnnotations(
  results: CheckResult[],
  env: NodeJS.ProcessEnv,
  write: (text: string) => void,
): void {
  if (env.GITHUB_ACTIONS !== 'true') return;
  const paths = { cwd: process.cwd(), workspace: env.GITHUB_WORKSPACE || undefined };
  for (const line of githubAnnotations(results, paths)) write(`${line}\n`);
}

function packageVersion(): string {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
