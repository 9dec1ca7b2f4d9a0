import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadExpectations, type LoadedExpectations } from '../config/load.js';
import { assertWaiverChecksExist } from '../config/waiver-checks.js';
import type { CheckResult } from '../types.js';
import { CHECKS_DIR, loadChecks } from './registry.js';
import { runAudit, type ProgressListener } from './run.js';
import { parseShard, shardOwner, type Shard } from './shard.js';
import { describeSource, prepareSource, type SourceOverrides } from './source.js';
import { WAIVER_CHECK_ID } from './waivers.js';

export interface AuditRun {
  loaded: LoadedExpectations;
  /** "recorded fixture fixtures/example (replayed, no AWS calls)" or "live AWS and DNS". */
  source: string;
  results: CheckResult[];
  stats: { callsMade: number; callsDistinct: number; retries: number };
}

/** Loads the file, prepares the source, runs every check and closes what it opened. */
export async function audit(
  file: string,
  overrides: SourceOverrides & { shard?: Shard; progress?: ProgressListener } = {},
  shownAs = file,
): Promise<AuditRun> {
  const loaded = loadExpectations(file, shownAs);
  const checks = await loadChecks();
  assertWaiverChecksExist(loaded, [...checks.map(({ check }) => check.meta.id), WAIVER_CHECK_ID]);
  const prepared = await prepareSource(loaded, overrides);
  const { shard } = overrides;
  try {
    const ownsSubject = shard ? shardOwner(loaded.expectations, shard) : undefined;
    const results = await runAudit(prepared.ctx, checks, {
      ownsSubject,
      progress: overrides.progress,
    });
    return {
      loaded,
      source: describeSource(prepared.choice),
      results,
      stats: prepared.ctx.aws.stats(),
    };
  } finally {
    await prepared.close();
  }
}

/**
 * Every check id, read from the file names without importing the checks (the registry makes
 * each id equal its file name), so the CLI can refuse a misspelt waiver before vitest starts.
 */
export function knownCheckIds(dir = CHECKS_DIR): string[] {
  const ids = readdirSync(dir, { withFileTypes: true })
    .filter((layer) => layer.isDirectory())
    .flatMap((layer) =>
      readdirSync(join(dir, layer.name))
        .filter((name) => /^[^_].*\.ts$/.test(name))
        .map((name) => basename(name, '.ts')),
    );
  return [...ids, WAIVER_CHECK_ID];
}

/**
 * MAILSPEC_SOURCE=live or =<fixture dir> overrides the file's `source:` (for CI);
 * MAILSPEC_SHARD=i/n runs one shard of the subjects.
 */
export function overridesFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): SourceOverrides & { shard?: Shard } {
  // An empty variable is unset (CI templates often export one); any other bad value stops.
  const shard = parseShard(env.MAILSPEC_SHARD || undefined, 'MAILSPEC_SHARD');
  const source = env.MAILSPEC_SOURCE;
  const servers = env.MAILSPEC_DNS_SERVERS?.split(',').filter(Boolean);
  return {
    ...(source === 'live' ? { live: true } : source ? { fixtures: source } : {}),
    ...(servers && servers.length > 0 ? { dnsServers: servers } : {}),
    ...(shard ? { shard } : {}),
  };
}
