import { loadExpectations, type LoadedExpectations } from '../config/load.js';
import type { CheckResult } from '../types.js';
import { loadChecks } from './registry.js';
import { runAudit, type ProgressListener } from './run.js';
import { parseShard, shardOwner, type Shard } from './shard.js';
import { describeSource, prepareSource, type SourceOverrides } from './source.js';

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
 * MAILSPEC_SOURCE=live or =<fixture dir> overrides the file's `source:` (for CI);
 * MAILSPEC_SHARD=i/n runs one shard of the subjects.
 */
export function overridesFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): SourceOverrides & { shard?: Shard } {
  const shard = parseShard(env.MAILSPEC_SHARD);
  const source = env.MAILSPEC_SOURCE;
  const servers = env.MAILSPEC_DNS_SERVERS?.split(',').filter(Boolean);
  return {
    ...(source === 'live' ? { live: true } : source ? { fixtures: source } : {}),
    ...(servers && servers.length > 0 ? { dnsServers: servers } : {}),
    ...(shard ? { shard } : {}),
  };
}
