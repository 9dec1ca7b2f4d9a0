import type { ServiceName } from './commands.js';

/** Requests per second and requests in flight, per (service, region) bucket. */
export interface BucketLimit {
  perSecond: number;
  concurrency: number;
}

export type RateLimits = Record<ServiceName, BucketLimit>;

/**
 * Defaults from AWS's published quotas. SES sends no rate headers, so these are the pace
 * the audit keeps on its own: the SES v2 management API allows about 1 request per second
 * per account and region for most actions, Route 53 allows 5 requests per second per
 * account, IAM a few tens for reads.
 */
export const DEFAULT_LIMITS: RateLimits = {
  sesv2: { perSecond: 1, concurrency: 1 },
  route53: { perSecond: 5, concurrency: 5 },
  iam: { perSecond: 10, concurrency: 5 },
  lambda: { perSecond: 10, concurrency: 5 },
  secretsmanager: { perSecond: 10, concurrency: 5 },
  ssm: { perSecond: 10, concurrency: 5 },
};

export function bucketLimits(service: ServiceName, overrides?: Partial<RateLimits>): BucketLimit {
  return { ...DEFAULT_LIMITS[service], ...overrides?.[service] };
}
