import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { loadExpectations } from '../config/load.js';
import { assertWaiverChecksExist } from '../config/waiver-checks.js';
import { DNS_SERVER_FORMAT, isDnsServer } from '../dns/servers.js';
import { audit, knownCheckIds, overridesFromEnv } from '../engine/audit.js';
import { writeHandoff } from '../engine/handoff.js';
import { parseShard as shardOf } from '../engine/shard.js';
import {
  assertFixtureFolder,
  chooseSource,
  describeSource,
  loadFixture,
} from '../engine/source.js';
import { MailspecError } from '../errors.js';
import { ResultCollector } from '../report/collector.js';
import { exitCodeFor } from '../report/summary.js';
import { parseCommandLine } from './commands.js';
import { shardHoldsNoSubject } from './empty-shard.js';
import { printRunOutput } from './output.js';
import { createProgress } from './progress.js';
import { assertWritable, writeReports, type ReportTargets } from './reports.js';

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AUDIT_SPEC = 'specs/audit.spec.ts';

const OPTIONS = {
  expectations: { type: 'string' },
  fixtures: { type: 'string' },
  live: { type: 'boolean' },
  profile: { type: 'string' },
  'dns-server': { type: 'string', multiple: true },
  json: { type: 'string' },
  junit: { type: 'string' },
  sarif: { type: 'string' },
  'fail-on': { type: 'string' },
  shard: { type: 'string' },
  verbose: { type: 'boolean' },
} as const;

export async function runAuditCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandLine('audit', argv, OPTIONS);
  const given = values.live || values.fixtures !== undefined;
  return auditFile({
    file: values.expectations ?? 'expectations.yaml',
    fixtures: values.fixtures,
    live: values.live,
    ...(given ? {} : sourceFromEnv(process.env)),
    profile: values.profile,
    dnsServers: values['dns-server'],
    reports: { json: values.json, junit: values.junit, sarif: values.sarif },
    failOn: parseFailOn(values['fail-on']),
    shard: parseShard(values.shard),
    verbose: values.verbose,
  });
}

export interface AuditOptions {
  file: string;
  fixtures?: string;
  live?: boolean;
  /** Where `fixtures` or `live` came from when not from the flags, for messages. */
  sourceGiven?: string;
  profile?: string;
  dnsServers?: string[];
  reports?: ReportTargets;
  failOn?: 'fail' | 'warn';
  shard?: string;
  verbose?: boolean;
}

/**
 * Validates the file here (a bad file never reaches vitest), then runs the audit spec
 * through vitest with its default reporter and a collector for the exit code and reports.
 */
export async function auditFile(options: AuditOptions): Promise<number> {
  if (options.live && options.fixtures) {
    throw new MailspecError(
      'MAILSPEC_USAGE',
      'audit: --live and --fixtures cannot be used together',
    );
  }
  for (const server of options.dnsServers ?? []) {
    if (!isDnsServer(server)) {
      throw new MailspecError(
        'MAILSPEC_USAGE',
        `audit: --dns-server takes ${DNS_SERVER_FORMAT}, not "${server}"`,
      );
    }
  }
  // A shard given in the environment is refused here too, before vitest starts.
  if (!options.shard) shardOf(process.env.MAILSPEC_SHARD || undefined, 'MAILSPEC_SHARD');
  assertWritable(options.reports ?? {}, { files: [options.file] });
  const loaded = loadExpectations(options.file);
  assertWaiverChecksExist(loaded, knownCheckIds());
  const choice = chooseSource(loaded, { live: options.live, fixtures: options.fixtures });
  if (choice.kind === 'fixture' && options.dnsServers?.length) {
    throw new MailspecError(
      'MAILSPEC_USAGE',
      "audit: --dns-server has no effect on a replay: the fixture's DNS is served from its zone files",
    );
  }
  if (choice.kind === 'fixture') {
    const given = options.fixtures
      ? (options.sourceGiven ?? '--fixtures')
      : `source: of ${options.file}`;
    assertFixtureFolder(choice.dir, given);
    // Every fixture file is read here too, so a broken one is one line, not a failed suite.
    loadFixture(choice.dir);
    assertWritable(options.reports ?? {}, { folders: [choice.dir] });
  }
  const source = describeSource(choice);
  const failOn = options.failOn ?? 'fail';
  if (options.shard && shardHoldsNoSubject(loaded.expectations, options.shard)) {
    process.stdout.write(`mailspec: shard ${options.shard} holds no subject to audit\n`);
    writeReports(options.reports ?? {}, [], source, loaded, failOn);
    return 0;
  }

  process.env.MAILSPEC_EXPECTATIONS = resolve(options.file);
  process.env.MAILSPEC_SHOWN_AS = options.file;
  process.env.MAILSPEC_SOURCE = choice.kind === 'live' ? 'live' : choice.dir;
  if (options.dnsServers?.length) process.env.MAILSPEC_DNS_SERVERS = options.dnsServers.join(',');
  if (options.profile) process.env.AWS_PROFILE = options.profile;
  // Shards split the subjects (src/engine/shard.ts): vitest's own shards split files, and the
  // audit is one spec file.
  if (options.shard) process.env.MAILSPEC_SHARD = options.shard;
  if (options.verbose)
    process.env.DEBUG = [process.env.DEBUG, 'mailspec:*'].filter(Boolean).join(',');

  // The audit runs here, where stderr is the user's terminal and progress can be drawn (a
  // vitest worker's is not); the spec builds its suites from the results handed over.
  const progress = createProgress({ stream: process.stderr });
  const run = await audit(
    options.file,
    { ...overridesFromEnv(), progress: progress.listener },
    options.file,
  );
  progress.finish();
  const handoff = writeHandoff(run);
  process.env.MAILSPEC_RESULTS = handoff.file;

  const collector = new ResultCollector();
  try {
    const vitest = await startVitest(
      'test',
      [],
      {
        root: PACKAGE_ROOT,
        config: false,
        include: [AUDIT_SPEC],
        watch: false,
        reporters: ['default', collector],
        passWithNoTests: false,
      },
      {},
    );
    await vitest.close();
  } finally {
    handoff.remove();
    delete process.env.MAILSPEC_RESULTS;
  }

  if (collector.loadErrors.length > 0) {
    for (const message of collector.loadErrors) process.stderr.write(`mailspec: ${message}\n`);
    return 2;
  }
  printRunOutput(
    collector,
    { source, failOn, shard: options.shard, verbose: options.verbose },
    {
      env: process.env,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    },
  );
  writeReports(options.reports ?? {}, collector.results, source, loaded, failOn);
  return exitCodeFor(collector.results, failOn);
}

/**
 * MAILSPEC_SOURCE=live or =<fixture folder>, as --help says, when no flag chose the source.
 * An empty value is unset, since CI templates often export the variable empty.
 */
function sourceFromEnv(env: NodeJS.ProcessEnv): Partial<AuditOptions> {
  const value = env.MAILSPEC_SOURCE;
  if (!value) return {};
  if (value === 'live') return { live: true, sourceGiven: 'MAILSPEC_SOURCE=live' };
  return { fixtures: value, sourceGiven: 'MAILSPEC_SOURCE' };
}

function parseFailOn(value: string | undefined): 'fail' | 'warn' {
  if (value === undefined || value === 'fail') return 'fail';
  if (value === 'warn') return 'warn';
  throw new MailspecError(
    'MAILSPEC_USAGE',
    `audit: --fail-on takes "warn" or "fail", not "${value}"`,
  );
}

function parseShard(value: string | undefined): string | undefined {
  shardOf(value, '--shard');
  return value;
}
