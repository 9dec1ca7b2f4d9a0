import type { AwsGateway } from '../aws/gateway.js';
import type { LoadedExpectations } from '../config/load.js';
import type { DnsLookup } from '../dns/resolver.js';

/** Debug lines go here; the library never writes to the terminal itself. */
export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, warn() {} };

/** Reads a stored secret (environment, file, Secrets Manager, SSM) without logging it. */
export type SecretReader = (source: unknown, purpose: string) => Promise<SecretValue>;
export type SecretValue =
  { ok: true; value: string; where: string } | { ok: false; reason: string; where: string };

/** Opens an SMTP session, authenticates and quits, never sending a message. */
export type SmtpProbe = (options: {
  host: string;
  port: number;
  username: string;
  password: string;
}) => Promise<{ status: 'accepted' | 'rejected' | 'unreachable'; response: string }>;

/**
 * Everything a collector may touch of the world. Each piece is injected, so tests pass
 * fakes and the benchmark passes slow ones; nothing here is a global.
 */
export interface AuditContext {
  loaded: LoadedExpectations;
  dns: DnsLookup;
  aws: AwsGateway;
  now: () => Date;
  logger: Logger;
  /** True when the facts come from a recording rather than from live AWS and DNS. */
  replay: boolean;
  readSecret?: SecretReader;
  smtpProbe?: SmtpProbe;
  /**
   * False for a live run whose results a replay must reproduce (`mailspec record`): no
   * recording holds an SMTP session, so the probe is left out there as on a replay.
   */
  probeSmtp?: boolean;
  /** Memoises any derived fact for the run, so two checks never collect it twice. */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createMemo(): AuditContext['memo'] {
  const cache = new Map<string, Promise<unknown>>();
  return (key, compute) => {
    let pending = cache.get(key);
    if (!pending) {
      pending = compute();
      cache.set(key, pending);
    }
    return pending as never;
  };
}
