import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { loadExpectations } from '../config/load.js';
import { assertWaiverChecksExist } from '../config/waiver-checks.js';
import { DNS_SERVER_FORMAT, isDnsServer } from '../dns/servers.js';
import { knownCheckIds } from '../engine/audit.js';
import { parseShard as shardOf } from '../engine/shard.js';
import { chooseSource, describeSource, loadFixture } from '../engine/source.js';
import { MailspecError } from '../errors.js';
import { ResultCollector } from '../report/collector.js';
import { formatPredictions, predictionsOf } from '../report/predictions.js';
import { exitCodeFor, formatSummary } from '../report/summary.js';
import { parseCommandLine } from './commands.js';
import { assertWritable, printAnnotations, writeReports, type ReportTargets } from './reports.js';

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
  return auditFile({
    file: values.expectations ?? 'expectations.yaml',
    fixtures: values.fixtures,
    live: values.live,
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
  assertWritable(options.reports ?? {});
  const loaded = loadExpectations(options.file);
  assertWaiverChecksExist(loaded, knownCheckIds());
  const choice = chooseSource(loaded, { live: options.live, fixtures: options.fixtures });
  if (choice.kind === 'fixture' && !existsSync(choice.dir)) {
    throw new MailspecError(
      'MAILSPEC_FIXTURE_INVALID',
      `fixture folder ${choice.dir} does not exist`,
    );
  }
  // Every fixture file is read here too, so a broken one is one line, not a failed suite.
  if (choice.kind === 'fixture') loadFixture(choice.dir);

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

  const collector = new ResultCollector();
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

  if (collector.loadErrors.length > 0) {
    for (const message of collector.loadErrors) process.stderr.write(`mailspec: ${message}\n`);
    return 2;
  }
  const source = describeSource(choice);
  printAnnotations(collector.results, process.env, (text) => process.stdout.write(text));
  const predictions = formatPredictions(predictionsOf(collector.results));
  if (predictions) process.stdout.write(`${predictions}\n`);
  process.stdout.write(`${formatSummary(collector.results, source)}\n`);
  writeReports(options.reports ?? {}, collector.results, source, loaded, options.failOn);
  return exitCodeFor(collector.results, options.failOn);
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
