import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createAwsGateway, type GatewayOptions } from '../aws/gateway.js';
import { loadRecording, readRecordedAt, type Recording } from '../aws/recording.js';
import { installReplay } from '../aws/replay.js';
import type { LoadedExpectations } from '../config/load.js';
import { MailspecError } from '../errors.js';
import { createAuthoritativeLookup } from '../dns/authoritative.js';
import { SES_CANARY, withCanary, type CanaryQuestion } from '../dns/canary.js';
import { startReplayDns } from '../dns/replay-dns.js';
import { createResolver } from '../dns/resolver.js';
import { loadZone } from '../dns/fixture-zone.js';
import type { ZoneRecord } from '../dns/zone.js';
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
  /** Live mode: asked before absence answers are believed (SES's SPF); false trusts any. */
  canary?: CanaryQuestion | false;
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
    const lookup =
      dnsConfig?.mode === 'authoritative'
        ? createAuthoritativeLookup({
            recursive,
            timeoutMs: dnsConfig.timeout_ms,
            port: overrides.authoritativePort,
          })
        : recursive;
    // A resolver answering NXDOMAIN for every name would fail every DNS check: see canary.ts.
    const canary = overrides.canary ?? SES_CANARY;
    const dns = canary ? withCanary(lookup, canary) : lookup;
    const ctx: AuditContext = { ...base, dns, now: () => new Date(), replay: false };
    return { ctx, choice, close: async () => {} };
  }

  assertFixtureFolder(choice.dir);
  const { recording, zone: records, recordedAt } = loadFixture(choice.dir);
  const restore = installReplay(recording);
  // Names outside the recorded zones read as not recorded (inconclusive), not as absent.
  const replayDns = await startReplayDns(records);
  const ctx: AuditContext = { ...base, dns: replayDns.dns, now: () => recordedAt, replay: true };
  return {
    ctx,
    choice,
    close: async () => {
      restore();
      await replayDns.close();
    },
  };
}

/**
 * A fixture is a folder made by `mailspec record`, which always writes recording.json. Any
 * other path (a file, /etc, a typo that names a real folder) would replay as a recording
 * with no answers and turn every check into a made-up result, so it is refused.
 */
export function assertFixtureFolder(dir: string, given?: string): void {
  const named = given ? `fixture ${dir} (${given})` : `fixture ${dir}`;
  const refuse = (why: string) => {
    throw new MailspecError('MAILSPEC_FIXTURE_INVALID', `${named} ${why}`);
  };
  if (!existsSync(dir)) refuse('does not exist');
  if (!statSync(dir).isDirectory()) {
    refuse('is a file; a fixture is a folder holding recording.json (mailspec record makes one)');
  }
  if (!existsSync(join(dir, 'recording.json'))) {
    refuse('holds no recording.json, so it is no recorded fixture (mailspec record makes one)');
  }
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

export { loadZone };

/** A fixture read whole and validated, so a broken file is one line before any check runs. */
export interface LoadedFixture {
  recording: Recording;
  zone: ZoneRecord[];
  recordedAt: Date;
}

export function loadFixture(dir: string): LoadedFixture {
  return { recording: loadRecording(dir), zone: loadZone(dir), recordedAt: readRecordedAt(dir) };
}
