import { join } from 'node:path';
import pLimit from 'p-limit';
import type { ServiceName } from '../src/aws/commands.js';
import { createAwsGateway } from '../src/aws/gateway.js';
import type { RateLimits } from '../src/aws/limits.js';
import { loadRecording } from '../src/aws/recording.js';
import { createProgress } from '../src/cli/progress.js';
import { loadExpectations, type LoadedExpectations } from '../src/config/load.js';
import { startLoopbackDns } from '../src/dns/loopback-server.js';
import { createResolver, type DnsLookup } from '../src/dns/resolver.js';
import { Zone } from '../src/dns/zone.js';
import { createMemo, silentLogger } from '../src/engine/context.js';
import { loadChecks } from '../src/engine/registry.js';
import { runAudit } from '../src/engine/run.js';
import { loadZone } from '../src/engine/source.js';
import { createMockAws, type Received } from './mock-aws.js';

export interface RunMeasure {
  wallMs: number;
  peakRssMb: number;
  aws: Received;
  dns: { total: number; distinct: number };
  outcomes: Record<string, number>;
}

/**
 * One timed audit of a generated fixture, in a process of its own so its peak memory is
 * its own: the real checks and gateway, the recording behind a slow, metered mock, and the
 * loopback DNS server answering after its delay. `sequential` sends one request at a time
 * in all, as a runbook of dig and aws-cli commands does.
 */
export async function auditOnce(
  dir: string,
  mode: 'concurrent' | 'sequential',
  delays: { aws: number; dns: number },
  burstSeconds: number,
): Promise<RunMeasure> {
  const loaded = loadExpectations(join(dir, 'expectations.yaml'));
  const checks = await loadChecks();
  const recording = loadRecording(dir);
  const server = await startLoopbackDns(new Zone(loadZone(dir)), { delayMs: delays.dns });
  const serial = mode === 'sequential' ? pLimit(1) : undefined;
  const limits = configuredLimits(loaded);
  const rates = Object.fromEntries(
    Object.entries(limits).map(([service, limit]) => [service, limit.perSecond]),
  ) as Record<ServiceName, number>;
  const mock = createMockAws({
    recording,
    delayMs: delays.aws,
    rates,
    burstSeconds,
    serial,
  });

  const resolver = createResolver({ servers: [server.address], timeoutMs: 5000, tries: 1 });
  const dns: DnsLookup = serial
    ? { query: (name, type) => serial(() => resolver.query(name, type)) }
    : resolver;
  const ctx = {
    loaded,
    dns,
    aws: createAwsGateway({
      limits,
      maxAttempts: loaded.expectations.aws?.max_attempts,
      makeClient: mock.makeClient,
    }),
    now: () => new Date('2026-12-01T00:00:00Z'),
    logger: silentLogger,
    replay: true,
    memo: createMemo(),
  };
  const progress = createProgress({ stream: process.stderr });

  try {
    const started = performance.now();
    const results = await runAudit(ctx, checks, { progress: progress.listener });
    const wallMs = performance.now() - started;
    progress.finish();

    const outcomes: Record<string, number> = {};
    for (const { outcome } of results) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const answered = [...server.queries.values()].reduce((sum, count) => sum + count, 0);
    return {
      wallMs,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      aws: mock.received(),
      dns: { total: answered, distinct: server.queries.size },
      outcomes,
    };
  } finally {
    await server.close();
  }
}

/** `aws.rate_limits` of the file over the defaults, as a real run reads them. */
function configuredLimits(loaded: LoadedExpectations): RateLimits {
  const configured = loaded.expectations.aws?.rate_limits ?? {};
  return Object.fromEntries(
    Object.entries(configured).map(([service, limit]) => [
      service,
      { perSecond: limit!.per_second, concurrency: limit!.concurrency ?? 1 },
    ]),
  ) as RateLimits;
}
