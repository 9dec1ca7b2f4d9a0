import {
  SERVICES,
  commandClass,
  endpointRegion,
  permissionFor,
  type ServiceName,
} from './commands.js';
import { bucketLimits, createPacer, type Pacer, type RateLimits } from './limits.js';
import { profileFiles, profileIsDeclared } from './profiles.js';

/** Why an AWS fact could not be had; every kind but not-found makes a check inconclusive. */
export type AwsFailureKind =
  'not-found' | 'access-denied' | 'throttled' | 'no-credentials' | 'not-recorded' | 'error';

export type AwsResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: AwsFailureKind; errorName: string; message: string; permission: string };

/** The one way collectors reach AWS: memoised, paced per (service, region), read-only. */
export interface AwsGateway {
  call<T = Record<string, unknown>>(
    service: ServiceName,
    region: string,
    operation: string,
    input?: object,
  ): Promise<AwsResult<T>>;
  /** Calls actually sent (retries not counted) and distinct calls asked for. */
  stats(): { callsMade: number; callsDistinct: number; retries: number };
}

export interface GatewayOptions {
  limits?: Partial<RateLimits>;
  /** Attempts per call when AWS answers with throttling or a transient fault. */
  maxAttempts?: number;
  /** Base of the exponential backoff between attempts. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Builds the SDK client for a service and region; tests and replay keep the default. */
  makeClient?: (
    service: ServiceName,
    region: string,
  ) => { send(command: object): Promise<unknown> };
}

const NOT_FOUND = new Set([
  'NotFoundException',
  'NoSuchEntityException',
  'NoSuchEntity',
  'ResourceNotFoundException',
  'ParameterNotFound',
  'NoSuchHostedZone',
]);
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'PriorRequestNotComplete',
  'RequestLimitExceeded',
]);
const NO_CREDENTIALS = new Set(['CredentialsProviderError', 'ProviderError']);

export function createAwsGateway(options: GatewayOptions = {}): AwsGateway {
  const memo = new Map<string, Promise<AwsResult<unknown>>>();
  const pacers = new Map<string, Pacer>();
  const clients = new Map<string, { send(command: object): Promise<unknown> }>();
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMs = options.backoffMs ?? 200;
  const counters = { callsMade: 0, retries: 0 };

  const clientFor = (service: ServiceName, region: string) => {
    const key = `${service} ${region}`;
    let client = clients.get(key);
    if (!client) {
      client = options.makeClient?.(service, region) ?? defaultClient(service, region);
      clients.set(key, client);
    }
    return client;
  };

  const pacerFor = (service: ServiceName, region: string) => {
    const key = `${service} ${region}`;
    let pacer = pacers.get(key);
    if (!pacer) {
      pacer = createPacer(bucketLimits(service, options.limits));
      pacers.set(key, pacer);
    }
    return pacer;
  };

  async function send(service: ServiceName, region: string, operation: string, input: object) {
    const Command = commandClass(service, operation);
    const permission = permissionFor(service, operation);
    if (!Command) throw new Error(`${permission} is not a read command the audit may send`);

    for (let attempt = 1; ; attempt++) {
      try {
        counters.callsMade++;
        const value = await pacerFor(service, region).run(() =>
          clientFor(service, region).send(new Command(input)),
        );
        return { ok: true, value } as AwsResult<unknown>;
      } catch (error) {
        const failure = classify(error, permission);
        if (failure.kind === 'throttled') pacerFor(service, region).throttled();
        const transient = failure.kind === 'throttled' || isTransient(error);
        if (!transient || attempt >= maxAttempts) return failure;
        counters.retries++;
        counters.callsMade--;
        await sleep(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
      }
    }
  }

  return {
    call(service, region, operation, input = {}) {
      const where = endpointRegion(service, region);
      const key = `${service} ${where} ${operation} ${stableJson(input)}`;
      let pending = memo.get(key);
      if (!pending) {
        pending = send(service, where, operation, input);
        memo.set(key, pending);
      }
      return pending as never;
    },
    stats: () => ({ ...counters, callsDistinct: memo.size }),
  };
}

function defaultClient(service: ServiceName, region: string) {
  const Client = SERVICES[service].client as unknown as new (config: object) => {
    send(command: object): Promise<unknown>;
  };
  // The gateway retries itself (so throttling is visible and testable); the SDK sends once.
  return new Client({ region, maxAttempts: 1 });
}

type AwsFailure = Extract<AwsResult<unknown>, { ok: false }>;

function classify(error: unknown, permission: string): AwsFailure {
  const err = error as { name?: string; message?: string; Code?: string };
  const errorName = err.name ?? err.Code ?? 'Error';
  const message = String(err.message ?? error).split('\n')[0];
  // SES sends no rate headers and not always a known code: any HTTP 429 counts as throttling.
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const kind: AwsFailureKind = NOT_FOUND.has(errorName)
    ? 'not-found'
    : ACCESS_DENIED.has(errorName)
      ? 'access-denied'
      : THROTTLED.has(errorName) || status === 429
        ? 'throttled'
        : NO_CREDENTIALS.has(errorName)
          ? 'no-credentials'
          : errorName === 'NotRecorded'
            ? 'not-recorded'
            : 'error';
  return { ok: false, kind, errorName, message, permission };
}

function isTransient(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const name = (error as { name?: string }).name ?? '';
  return (status !== undefined && status >= 500) || ['TimeoutError', 'ECONNRESET'].includes(name);
}

/** JSON with sorted keys, so the same input always makes the same memo key. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}

/**
 * "AccessDenied (needs ses:GetAccount)" and the like, for inconclusive messages. The SDK's
 * CredentialsProviderError says only "Could not load credentials from any providers", even
 * when AWS_PROFILE names a profile that does not exist, so the profile is looked up here.
 */
export function describeFailure(result: AwsFailure, env: NodeJS.ProcessEnv = process.env): string {
  switch (result.kind) {
    case 'access-denied':
      return `access denied (the audit role needs ${result.permission})`;
    case 'throttled':
      return `throttled by AWS after retries (${result.permission})`;
    case 'no-credentials':
      return env.AWS_PROFILE
        ? describeProfile(env.AWS_PROFILE, env)
        : 'no AWS credentials were found (set a profile, role or environment credentials)';
    case 'not-recorded':
      return `the recording holds no answer for ${result.permission} with this input`;
    case 'not-found':
      return `not found (${result.errorName})`;
    case 'error':
      return `${result.errorName}: ${result.message}`;
  }
}

function describeProfile(profile: string, env: NodeJS.ProcessEnv): string {
  if (profileIsDeclared(profile, env)) {
    return `AWS profile "${profile}" gave no credentials (renew its session or its keys)`;
  }
  const { config, credentials } = profileFiles(env);
  return `AWS profile "${profile}" was not found (neither ${config} nor ${credentials} declares it)`;
}
