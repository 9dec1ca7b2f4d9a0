import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { createAwsGateway, type GatewayOptions } from '../aws/gateway.js';
import { loadRecording } from '../aws/recording.js';
import { installReplay } from '../aws/replay.js';
import type { LoadedExpectations } from '../config/load.js';
import { MailspecError } from '../errors.js';
import { createAuthoritativeLookup } from '../dns/authoritative.js';
import { startLoopbackDns } from '../dns/loopback-server.js';
import { createResolver, type DnsLookup } from '../dns/resolver.js';
import { Zone, type ZoneRecord } from '../dns/zone.js';
import { createMemo, silentLogger, type AuditContext, type Logger } from './context.js';

/** Where the facts of a run come from, decided once and shown in every output. */
export type SourceChoice = { kind: 'live' } | { kind: 'fixture'; dir: string };

export interface SourceOverrides {
  /** `--live` or MAILSPEC_SOURCE=live. */
  live?: boolean;
  /** `--fixtures DIR` or MAILSPEC_SOURCE=<dir>. */
  fixtures?: string;
  dnsServers?: string[];
  /** The port authoritative name servers are asked on (53); tests point it at a loopback. */
  authoritativePort?: number;
  logger?: Logger;
  gateway?: GatewayOptions;
}

/** The file's `source:` unless the command line or environment says otherwise. */
export function chooseSource(
  loaded: LoadedExpectations,
  overrides: SourceOverrides = {},
): SourceChoice {
  if (overrides.live) return { kind: 'live' };
  if (overrides.fixtures) return { kind: 'fixture', dir: resolve(overrides.fixtures) };
  const declared = loaded.expectations.source;
  if (declared === 'live') return { kind: 'live' };
  return { kind: 'fixture', dir: resolve(loaded.dir, declared) };
}

export function describeSource(choice: SourceChoice): string {
  if (choice.kind === 'live') return 'live AWS and DNS';
  const shown = relative(process.cwd(), choice.dir) || '.';
  return `recorded fixture ${shown.startsWith('..') ? choice.dir : shown} (replayed, no AWS calls)`;
}

export interface PreparedSource {
  ctx: AuditContext;
  choice: SourceChoice;
  close(): Promise<void>;
}

/** Builds the context for a run: live clients, or replay plus a loopback DNS server. */
export async function prepareSource(
  loaded: LoadedExpectations,
  overrides: SourceOverrides = {},
): Promise<PreparedSource> {
  const choice = chooseSource(loaded, overrides);
  const dnsConfig = loaded.expectations.dns;
  const logger = overrides.logger ?? silentLogger;
  const gateway = createAwsGateway({
    maxAttempts: loaded.expectations.aws?.max_attempts,
    limits: rateLimits(loaded),
    ...overrides.gateway,
  });
  const base = { loaded, aws: gateway, logger, memo: createMemo() };

  if (choice.kind === 'live') {
    const recursive = createResolver({
      servers: overrides.dnsServers ?? dnsConfig?.servers,
      timeoutMs: dnsConfig?.timeout_ms,
    });
    const dns =
      dnsConfig?.mode === 'authoritative'
        ? createAuthoritativeLookup({
            recursive,
            timeoutMs: dnsConfig.timeout_ms,
            port: overrides.authoritativePort,
          })
        : recursive;
    const ctx: AuditContext = { ...base, dns, now: () => new Date(), replay: false };
    return { ctx, choice, close: async () => {} };
  }

  if (!existsSync(choice.dir)) {
    throw new MailspecError(
      'MAILSPEC_FIXTURE_INVALID',
      `fixture folder ${choice.dir} does not exist`,
    );
  }
  const recording = loadRecording(choice.dir);
  const restore = installReplay(recording);
  const server = await startLoopbackDns(new Zone(loadZone(choice.dir)));
  const dns: DnsLookup = createResolver({ servers: [server.address], timeoutMs: 500, tries: 1 });
  const recordedAt = readRecordedAt(choice.dir);
  const ctx: AuditContext = { ...base, dns, now: () => recordedAt, replay: true };
  return {
    ctx,
    choice,
    close: async () => {
      restore();
      await server.close();
    },
  };
}

function rateLimits(loaded: LoadedExpectations): GatewayOptions['limits'] {
  const configured = loaded.expectations.aws?.rate_limits ?? {};
  return Object.fromEntries(
    Object.entries(configured).map(([service, limit]) => [
      service,
      {
        perSecond: limit!.per_second,
        ...(limit!.concurrency ? { concurrency: limit!.concurrency } : {}),
      },
    ]),
  );
}

/** `<fixture>/dns/*.yaml`, each a list of zone records. */
export function loadZone(dir: string): ZoneRecord[] {
  const dnsDir = join(dir, 'dns');
  if (!existsSync(dnsDir)) return [];
  return readdirSync(dnsDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => {
      const records = parse(readFileSync(join(dnsDir, name), 'utf8')) as ZoneRecord[] | null;
      if (records !== null && !Array.isArray(records)) {
        throw new MailspecError(
          'MAILSPEC_FIXTURE_INVALID',
          `${join(dnsDir, name)} must be a list of records`,
        );
      }
      return records ?? [];
    });
}

/**
 * A recording is judged as of the moment it was made (`recording.json`), so ages such as
 * "key created 120 days ago" read the same every time the fixture is replayed.
 */
function readRecordedAt(dir: string): Date {
  const file = join(dir, 'recording.json');
  if (!existsSync(file)) return new Date();
  const { recorded_at: recordedAt } = JSON.parse(readFileSync(file, 'utf8')) as {
    recorded_at: string;
  };
  const date = new Date(recordedAt);
  if (Number.isNaN(date.getTime())) {
    throw new MailspecError('MAILSPEC_FIXTURE_INVALID', `${file}: recorded_at is not a date`);
  }
  return date;
}
