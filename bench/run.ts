import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditOnce, type RunMeasure } from './audit-once.js';
import { generateFixture, type PlanSummary } from './generate.js';
import type { SuiteComparison } from './vitest-suite.js';

/**
 * `npm run bench`: for N = 10, 100 and 1000 domains (× 2 regions × 2 sending paths each)
 * it generates a fixture, runs the audit concurrently and then one request at a time, each
 * in its own process, and compares both with the lower bound the rates and delays set.
 * The rates are scaled up from AWS's (SES allows 1 call a second: 1,000 domains would take
 * over half an hour per region), so the run stays short; what counts is the ratio.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
/** BENCH_SIZES=10,100 runs fewer sizes while working on the benchmark itself. */
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const DELAYS = { aws: 4, dns: 1 };
const DNS_CONCURRENCY = 64;
/** Seconds of requests the mock's token buckets hold when full, as AWS's allow a burst. */
const BURST_SECONDS = 0.1;
const burst = (perSecond: number) => Math.max(1, perSecond * BURST_SECONDS);
const RATE_LIMITS = {
  sesv2: { per_second: 150, concurrency: 4 },
  route53: { per_second: 400, concurrency: 8 },
  iam: { per_second: 1000, concurrency: 16 },
  lambda: { per_second: 150, concurrency: 4 },
  secretsmanager: { per_second: 100, concurrency: 4 },
  ssm: { per_second: 40, concurrency: 4 },
};

interface Row {
  n: number;
  wallMs: number;
  lowerBoundMs: number;
  ratio: number;
  callsMade: number;
  callsDistinct: number;
  peakRssMb: number;
  baselineMs: number;
}

if (process.argv[3] === '--child') {
  const [, , , , dir, mode] = process.argv;
  const measure = await auditOnce(dir, mode as 'concurrent' | 'sequential', DELAYS, BURST_SECONDS);
  process.stdout.write(`${JSON.stringify(measure)}\n`);
} else if (process.argv[3] === '--vitest') {
  const [, , , , dir, tests] = process.argv;
  // Imported here only: vitest's node API would weigh on the peak memory of every run.
  const { compareWithEmptySuite } = await import('./vitest-suite.js');
  const comparison = await compareWithEmptySuite(ROOT, dir, Number(tests));
  process.stdout.write(`${JSON.stringify(comparison)}\n`);
  // The audit spec fails on the world's seeded faults; that is its verdict, not an error here.
  process.exitCode = 0;
} else {
  await main();
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  let testsAtLargest = 0;
  for (const n of SIZES) {
    const dir = join(tmpdir(), `mailspec-bench-${n}`);
    const shape = {
      domains: n,
      regions: 2,
      paths: 2,
      rateLimits: RATE_LIMITS,
      dnsConcurrency: DNS_CONCURRENCY,
    };
    const plan = await generateFixture(dir, shape, DELAYS);
    const concurrent = child(dir, '--child', 'concurrent');
    const sequential = child(dir, '--child', 'sequential');
    const row = toRow(n, plan, concurrent, sequential);
    testsAtLargest = Object.values(concurrent.outcomes).reduce((sum, count) => sum + count, 0);
    rows.push(row);
    report(row, plan, concurrent, sequential);
  }
  writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
  process.stdout.write(
    `\n${table(rows)}\nwritten to bench/results.json (Node ${process.version})\n`,
  );

  if (process.env.BENCH_VITEST === '0') return;
  const n = rows.at(-1)!.n;
  const dir = join(tmpdir(), `mailspec-bench-${n}`);
  const suite = child(dir, '--vitest', String(testsAtLargest)) as unknown as SuiteComparison;
  writeFileSync(join(HERE, 'vitest-suite.json'), `${JSON.stringify({ n, ...suite }, null, 2)}\n`);
  const times = (ms: number) => (ms / suite.emptyMs).toFixed(2);
  const [audit, handed, collect, empty] = [
    suite.auditMs,
    suite.handedMs,
    suite.collectMs,
    suite.emptyMs,
  ].map(Math.round);
  process.stdout.write(
    `vitest, N=${n}: ${suite.tests} empty tests took ${empty} ms; the audit spec's as many tests ` +
      `took ${handed} ms (${times(suite.handedMs)}x) from results handed over as mailspec audit ` +
      `runs it (after ${collect} ms of collection), and ${audit} ms (${times(suite.auditMs)}x) ` +
      `collecting inside vitest as npm test runs it; see bench/vitest-suite.json\n`,
  );
}

/** Runs a measure in a fresh process, so each peak RSS is that run's alone. */
function child(dir: string, kind: string, mode: string): RunMeasure {
  const script = join(ROOT, 'bin', 'run-ts.mjs');
  const out = execFileSync(process.execPath, [script, join(HERE, 'run.ts'), kind, dir, mode], {
    cwd: ROOT,
    // The SDK warns once per process about Node 20; the bench runs on Node 20 and 24 alike.
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.toString().trim().split('\n').at(-1)!) as RunMeasure;
}

/**
 * The fastest any client could be: each bucket's calls at its rate (less the burst the
 * mock's bucket starts with, plus the last answer's delay; or at its concurrency over the
 * delay, if that is slower), DNS at its bound in flight, and the longest chain of requests
 * that wait for one another, whichever takes longest.
 */
export function lowerBound(plan: PlanSummary): number {
  const bounds = Object.entries(plan.buckets).map(([bucket, calls]) => {
    const limit = RATE_LIMITS[bucket.split(' ')[0] as keyof typeof RATE_LIMITS];
    const paced = (Math.max(0, calls - burst(limit.per_second)) / limit.per_second) * 1000;
    const inFlight = (calls / limit.concurrency) * DELAYS.aws;
    return Math.max(paced + DELAYS.aws, inFlight);
  });
  const dnsBound = (plan.queries * DELAYS.dns) / DNS_CONCURRENCY;
  return Math.max(...bounds, dnsBound, plan.chainMs);
}

function toRow(n: number, plan: PlanSummary, concurrent: RunMeasure, sequential: RunMeasure): Row {
  const lowerBoundMs = lowerBound(plan);
  return {
    n,
    wallMs: Math.round(concurrent.wallMs),
    lowerBoundMs: Math.round(lowerBoundMs),
    ratio: round(concurrent.wallMs / lowerBoundMs),
    callsMade: concurrent.aws.total + concurrent.dns.total,
    callsDistinct: plan.calls + plan.queries,
    peakRssMb: Math.round(concurrent.peakRssMb),
    baselineMs: Math.round(sequential.wallMs),
  };
}

function report(row: Row, plan: PlanSummary, concurrent: RunMeasure, sequential: RunMeasure) {
  const lines = [
    `N=${row.n}: ${plan.calls} AWS calls and ${plan.queries} DNS queries needed`,
    `  buckets ${JSON.stringify(plan.buckets)}, longest chain ${plan.chainMs} ms`,
    `  concurrent: AWS ${JSON.stringify(concurrent.aws)}, DNS ${JSON.stringify(concurrent.dns)}`,
    `  sequential: AWS ${JSON.stringify(sequential.aws)}, DNS ${JSON.stringify(sequential.dns)}`,
    `  outcomes ${JSON.stringify(concurrent.outcomes)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function table(rows: Row[]): string {
  const head = [
    'N',
    'wall ms',
    'bound ms',
    'wall/bound',
    'calls made',
    'distinct',
    'made/distinct',
    'peak RSS MB',
    'sequential ms',
    'sequential/wall',
  ];
  const body = rows.map((r) => [
    r.n,
    r.wallMs,
    r.lowerBoundMs,
    r.ratio.toFixed(2),
    r.callsMade,
    r.callsDistinct,
    (r.callsMade / r.callsDistinct).toFixed(2),
    r.peakRssMb,
    r.baselineMs,
    (r.baselineMs / r.wallMs).toFixed(1),
  ]);
  const cells = [head, ...body].map((cols) => cols.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((cols) => cols[i].length)));
  return cells.map((cols) => cols.map((c, i) => c.padStart(widths[i])).join('  ')).join('\n');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
