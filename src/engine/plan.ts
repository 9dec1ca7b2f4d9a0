import { SERVICES, commandClass, type ServiceName } from '../aws/commands.js';
import { createAwsGateway } from '../aws/gateway.js';
import type { RateLimits } from '../aws/limits.js';
import { Recording } from '../aws/recording.js';
import type { LoadedExpectations } from '../config/load.js';
import type { DnsAnswer, DnsType } from '../dns/answer.js';
import type { DnsLookup } from '../dns/resolver.js';
import { createMemo, silentLogger, type AuditContext } from './context.js';
import type { LoadedCheck } from './registry.js';
import { runAudit } from './run.js';

export interface PlannedCall {
  service: ServiceName;
  region: string;
  operation: string;
  input: object;
}

export interface PlannedQuery {
  name: string;
  type: DnsType;
}

/** Every distinct AWS call and DNS question a run needs, and what bounds its wall time. */
export interface CollectionPlan {
  calls: PlannedCall[];
  queries: PlannedQuery[];
  /** Calls per (service, endpoint region) bucket, keyed "sesv2 us-east-1". */
  buckets: Map<string, number>;
  /** The longest chain of requests that each wait for the one before, in the delays given. */
  chainMs: number;
}

/** What the planned run is told; without answers every call fails and every query times out. */
export interface PlanWorld {
  aws?(call: PlannedCall): Promise<unknown>;
  dns?: DnsLookup;
  /** How long one AWS call and one DNS query take, for `chainMs`; 1 each counts hops. */
  delays?: { aws: number; dns: number };
  now?: () => Date;
}

const UNLIMITED = { perSecond: Number.MAX_SAFE_INTEGER, concurrency: Infinity };

/**
 * Finds the plan by running the real checks against `world` on a virtual clock: each
 * request completes its delay after it was asked, the earliest first, and the run settles
 * before the clock moves on. The collectors themselves decide what to ask, so the plan
 * cannot drift from them. With no world it holds what the expectations alone decide (the
 * first wave: nothing follows from a failed answer); with a fixture's answers it holds
 * every call and question that run needs, which is what tests and the benchmark count
 * the real run against.
 */
export async function planCollection(
  loaded: LoadedExpectations,
  checks: LoadedCheck[],
  world: PlanWorld = {},
): Promise<CollectionPlan> {
  const delays = world.delays ?? { aws: 1, dns: 1 };
  const clock = createVirtualClock();
  const calls = new Map<string, PlannedCall>();
  const queries = new Map<string, PlannedQuery>();

  const makeClient = (service: ServiceName, region: string) => ({
    send(command: object) {
      const operation = command.constructor.name.replace(/Command$/, '');
      const call = { service, region, operation, input: (command as { input: object }).input };
      calls.set(Recording.key(call as never), call);
      return clock.request(delays.aws, () => world.aws?.(call) ?? notRecorded(call));
    },
  });
  const dns: DnsLookup = {
    query(name, type) {
      queries.set(`${name.toLowerCase()} ${type}`, { name: name.toLowerCase(), type });
      return clock.request(delays.dns, () => world.dns?.query(name, type) ?? timedOut(name, type));
    },
  };

  const limits = Object.fromEntries(Object.keys(SERVICES).map((s) => [s, UNLIMITED]));
  const ctx: AuditContext = {
    loaded: unboundedDns(loaded),
    dns,
    aws: createAwsGateway({ limits: limits as RateLimits, maxAttempts: 1, makeClient }),
    now: world.now ?? (() => new Date()),
    logger: silentLogger,
    replay: true,
    memo: createMemo(),
  };
  await clock.drive(runAudit(ctx, checks));

  const buckets = new Map<string, number>();
  for (const { service, region } of calls.values()) {
    const key = `${service} ${region}`;
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  return {
    calls: [...calls.values()],
    queries: [...queries.values()],
    buckets,
    chainMs: clock.now(),
  };
}

/**
 * A discrete-event clock: `request` starts the answer at once (it may be real I/O, such as
 * the loopback DNS server) but hands it over only when the virtual clock reaches its
 * completion time, so the final time is the longest dependent chain, free of CPU time.
 */
function createVirtualClock() {
  let time = 0;
  let asked = 0;
  const due: { at: number; release: () => Promise<void> }[] = [];

  return {
    now: () => time,
    request<T>(delay: number, answer: () => Promise<T>): Promise<T> {
      asked++;
      const started = answer();
      started.catch(() => {});
      return new Promise<T>((resolve, reject) => {
        due.push({ at: time + delay, release: () => started.then(resolve, reject) });
      });
    },
    async drive<T>(run: Promise<T>): Promise<T> {
      await settled();
      while (due.length > 0) {
        due.sort((a, b) => a.at - b.at);
        const next = due.shift()!;
        time = next.at;
        await next.release();
        await settled();
      }
      return run;
    },
  };

  /** The run has asked everything it can ask before the next answer arrives. */
  async function settled(): Promise<void> {
    for (let seen = -1, quiet = 0; quiet < 3;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      quiet = seen === asked ? quiet + 1 : 0;
      seen = asked;
    }
  }
}

/**
 * Answers planned calls through the SDK's own clients, so an installed replay
 * (src/aws/replay.ts) answers them exactly as it answers a fixture run.
 */
export function sdkAnswers(): NonNullable<PlanWorld['aws']> {
  type Client = { send(command: object): Promise<unknown> };
  const clients = new Map<string, Client>();
  return ({ service, region, operation, input }) => {
    const key = `${service} ${region}`;
    let client = clients.get(key);
    if (!client) {
      const Make = SERVICES[service].client as unknown as new (config: object) => Client;
      client = new Make({ region, maxAttempts: 1 });
      clients.set(key, client);
    }
    const Command = commandClass(service, operation)!;
    return client.send(new Command(input));
  };
}

/** The plan's run must not queue DNS behind a bound: a queue would read as a chain. */
function unboundedDns(loaded: LoadedExpectations): LoadedExpectations {
  const dns = loaded.expectations.dns ?? {
    servers: [],
    mode: 'recursive' as const,
    timeout_ms: 3000,
    concurrency: 64,
  };
  return {
    ...loaded,
    expectations: { ...loaded.expectations, dns: { ...dns, concurrency: Infinity } },
  };
}

function notRecorded(call: PlannedCall): Promise<never> {
  const error = new Error(`no answer planned for ${call.service} ${call.operation}`);
  return Promise.reject(Object.assign(error, { name: 'NotRecorded' }));
}

function timedOut(name: string, type: DnsType): Promise<DnsAnswer> {
  return Promise.resolve({ name: name.toLowerCase(), type, status: 'timeout', records: [] });
}
