import type { ServiceName } from './commands.js';

/** Requests per second and requests in flight, per (service, region) bucket. */
export interface BucketLimit {
  perSecond: number;
  concurrency: number;
}

export type RateLimits = Record<ServiceName, BucketLimit>;

/**
 * Defaults from AWS's published quotas. SES sends no rate headers, so these are the pace
 * the audit keeps on its own:
 * - SES: "the rate at which you can call Amazon SES API actions" other than sending is
 *   1 per second per account and region (SES developer guide, "Service quotas").
 * - Route 53: 5 requests per second per account (Route 53 developer guide, "Quotas").
 * - Lambda: control plane calls such as GetFunctionConfiguration, 15 per second per region
 *   (Lambda developer guide, "Lambda quotas").
 * - SSM GetParameter: 40 per second (Systems Manager endpoints and quotas).
 * - IAM publishes no read rate; 10 per second stays well below what accounts see throttled.
 */
export const DEFAULT_LIMITS: RateLimits = {
  sesv2: { perSecond: 1, concurrency: 1 },
  route53: { perSecond: 5, concurrency: 5 },
  iam: { perSecond: 10, concurrency: 5 },
  lambda: { perSecond: 15, concurrency: 5 },
  secretsmanager: { perSecond: 10, concurrency: 5 },
  ssm: { perSecond: 40, concurrency: 5 },
};

export function bucketLimits(service: ServiceName, overrides?: Partial<RateLimits>): BucketLimit {
  return { ...DEFAULT_LIMITS[service], ...overrides?.[service] };
}

/** Paces one bucket: requests start evenly spaced, at most `concurrency` in flight. */
export interface Pacer {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** AWS said "slow down": halve the pace (never below a tenth of the configured one). */
  throttled(): void;
  /** The requests per second the pacer keeps now. */
  rate(): number;
}

export interface PacerOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Starts are spaced 1/rate apart instead of sent in bursts: AWS meters with token buckets,
 * and a burst at the start of each second drains the bucket that the end of the previous
 * second was refilling, which a fixed one-second window does not see. Like a token bucket
 * holding CATCH_UP_MS of requests, a pacer may start that many back to back after a pause
 * or after a busy event loop delayed its timers (at AWS's own rates, not even one).
 * Waiting tasks hold no slot of the concurrency, so a slow answer never slows the others.
 * After throttling the pace halves and then climbs back by a twentieth of the limit per
 * success (additive increase, multiplicative decrease, as the SDK's adaptive retry mode does).
 */
export function createPacer(limit: BucketLimit, options: PacerOptions = {}): Pacer {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const floor = limit.perSecond / 10;
  const waiting: (() => void)[] = [];
  let rate = limit.perSecond;
  let nextStart = -Infinity;
  let active = 0;
  let timer = false;

  const pump = () => {
    while (waiting.length > 0 && active < limit.concurrency) {
      const time = now();
      // Timers below a millisecond only add latency; the spacing is kept by `nextStart`.
      if (nextStart - time >= 1) {
        if (!timer) {
          timer = true;
          void sleep(nextStart - time).then(() => {
            timer = false;
            pump();
          });
        }
        return;
      }
      const slot = Math.max(nextStart, time - CATCH_UP_MS);
      nextStart = slot + 1000 / rate;
      active++;
      waiting.shift()!();
    }
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          Promise.resolve()
            .then(task)
            .then((value) => {
              rate = Math.min(limit.perSecond, rate + limit.perSecond / 20);
              resolve(value);
            }, reject)
            .finally(() => {
              active--;
              pump();
            });
        });
        pump();
      });
    },
    throttled() {
      rate = Math.max(floor, rate / 2);
      nextStart = Math.max(nextStart, now() + 1000 / rate);
    },
    rate: () => rate,
  };
}

/** How far behind its schedule a pacer may start requests back to back to catch up. */
const CATCH_UP_MS = 100;
