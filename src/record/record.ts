import { accessSync, constants, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { RecordedCall } from '../aws/recording.js';
import type { LoadedExpectations } from '../config/load.js';
import { loadChecks } from '../engine/registry.js';
import { runAudit } from '../engine/run.js';
import { prepareSource, type SourceOverrides } from '../engine/source.js';
import { MailspecError } from '../errors.js';
import type { CheckResult } from '../types.js';
import { createAnonymiser } from './anonymise.js';
import { capture, zoneRecords } from './capture.js';
import { deniedPermissions, unrecordableReason } from './reach.js';
import { redactOutput } from './redact.js';

export interface RecordedRun {
  /** The live results, with the same replacements as the fixture, to compare with a replay. */
  results: CheckResult[];
  recordedAt: Date;
  redacted: string[];
  files: string[];
  /** Permissions some call was denied; those calls are kept as errors and replay so. */
  denied: string[];
}

/**
 * Runs the audit live with every AWS answer and DNS answer captured, then writes the fixture
 * layout that fixture mode replays: `aws/<service>.json`, `dns/recorded.yaml`,
 * `recording.json` and a copy of the expectations that replays it (`source: .`). Secrets are
 * redacted and account-identifying values replaced, consistently across all files.
 */
export async function recordFixture(
  file: LoadedExpectations,
  text: string,
  out: string,
  overrides: Omit<SourceOverrides, 'live' | 'fixtures'> & { now?: Date } = {},
): Promise<RecordedRun> {
  assertWritable(out);
  const recordedAt = new Date(Math.floor((overrides.now ?? new Date()).getTime() / 1000) * 1000);
  const prepared = await prepareSource(file, { ...overrides, live: true });
  const captured = capture(prepared.ctx.aws, prepared.ctx.dns);
  // One clock for the whole run: a replay judges ages as of recorded_at, so must the run.
  // No recording holds an SMTP session, so the probe is left out, as it is on a replay.
  const ctx = {
    ...prepared.ctx,
    aws: captured.aws,
    dns: captured.dns,
    now: () => recordedAt,
    probeSmtp: false,
  };
  let results: CheckResult[];
  try {
    results = await runAudit(ctx, await loadChecks());
  } finally {
    await prepared.close();
  }

  const outcomes = captured.outcomes();
  const unrecordable = unrecordableReason(outcomes);
  if (unrecordable) {
    throw new MailspecError(
      'MAILSPEC_RECORD_NO_AWS',
      `record: ${unrecordable}; nothing was written`,
    );
  }

  const anonymiser = createAnonymiser();
  const redacted: string[] = [];
  const keptVariables = namedVariables(file);
  const calls = captured.calls().map((call) => {
    if (!call.output) return anonymiser.deep(call);
    const redaction = redactOutput({ ...call, output: call.output }, { keptVariables });
    redacted.push(...redaction.redacted);
    return anonymiser.deep({ ...call, output: redaction.output });
  });
  const zone = anonymiser.deep(zoneRecords(captured.answers()));
  const expectations = anonymiser.text(text.replace(/^source:.*$/m, 'source: .'));

  const files = writeOrRefuse(out, () =>
    writeLayout(out, calls, zone, expectations, {
      recorded_at: recordedAt.toISOString(),
      note: 'Recorded by mailspec record; secrets redacted, account ids and access key ids replaced.',
      redacted,
      replaced: anonymiser.counts(),
    }),
  );
  const denied = deniedPermissions(outcomes);
  return { results: anonymiser.deep(results), recordedAt, redacted, files, denied };
}

/** The Lambda variables the expectations read: `region_env` and `from_env` of its paths. */
function namedVariables(file: LoadedExpectations) {
  return (functionName: string, region: string): ReadonlySet<string> => {
    const names = file.expectations.sending_paths.flatMap((path) => {
      const lambda = path.kind === 'ses-api' ? path.lambda : undefined;
      if (!lambda || lambda.function !== functionName || lambda.region !== region) return [];
      return [lambda.region_env, lambda.from_env].filter((name) => name !== undefined);
    });
    return new Set(names);
  };
}

/**
 * Checked before the live run, so a run of minutes is not lost to a bad --out: an empty
 * folder, or a new one under a folder that can be written.
 */
function assertWritable(out: string): void {
  const refuse = (why: string) => {
    throw new MailspecError('MAILSPEC_OUTPUT_UNWRITABLE', `record: ${out} ${why}`);
  };
  const existing = statOf(out);
  if (existing) {
    if (!existing.isDirectory()) refuse('is a file, not a folder; record into a new folder');
    if (readdirSync(out).length > 0) refuse('already holds files; record into a new folder');
    if (!canWrite(out)) refuse('cannot be written');
    return;
  }

  let parent = dirname(resolve(out));
  while (!statOf(parent)) parent = dirname(parent);
  if (!statOf(parent)!.isDirectory()) refuse(`cannot be created: ${parent} is a file`);
  if (!canWrite(parent)) refuse(`cannot be created: ${parent} cannot be written`);
}

/** A path under a file (ENOTDIR) does not exist either. */
function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A write that fails after the checks above (a full disk, a race) is one line too. */
function writeOrRefuse(out: string, write: () => string[]): string[] {
  try {
    return write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new MailspecError(
      'MAILSPEC_OUTPUT_UNWRITABLE',
      `record: ${out} cannot be written (${code})`,
    );
  }
}

function writeLayout(
  out: string,
  calls: RecordedCall[],
  zone: ReturnType<typeof zoneRecords>,
  expectations: string,
  recording: object,
): string[] {
  mkdirSync(join(out, 'aws'), { recursive: true });
  mkdirSync(join(out, 'dns'), { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(out, name), content);
    files.push(name);
  };

  const byService = new Map<string, RecordedCall[]>();
  for (const call of calls)
    byService.set(call.service, [...(byService.get(call.service) ?? []), call]);
  for (const [service, list] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = list.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    write(`aws/${service}.json`, `${JSON.stringify(sorted, null, 2)}\n`);
  }
  const sortedZone = [...zone].sort((a, b) =>
    `${a.name} ${a.type}`.localeCompare(`${b.name} ${b.type}`),
  );
  write(
    'dns/recorded.yaml',
    `# Zone records as answered during the recording.\n${stringify(sortedZone)}`,
  );
  write('recording.json', `${JSON.stringify(recording, null, 2)}\n`);
  write('expectations.yaml', expectations);
  return files;
}

function keyOf(call: RecordedCall): string {
  return `${call.region} ${call.operation} ${JSON.stringify(call.input ?? {})}`;
}
