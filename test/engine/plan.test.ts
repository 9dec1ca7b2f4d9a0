import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/aws/commands.js';
import { stableJson } from '../../src/aws/gateway.js';
import type { RateLimits } from '../../src/aws/limits.js';
import { loadExpectations } from '../../src/config/load.js';
import type { DnsLookup } from '../../src/dns/resolver.js';
import { planCollection, sdkAnswers, type CollectionPlan } from '../../src/engine/plan.js';
import { loadChecks } from '../../src/engine/registry.js';
import { runAudit } from '../../src/engine/run.js';
import { prepareSource } from '../../src/engine/source.js';

const FAST = Object.fromEntries(
  Object.keys(SERVICES).map((service) => [service, { perSecond: 10_000, concurrency: 8 }]),
) as RateLimits;

const callKey = (service: string, region: string, operation: string, input: object) =>
  `${service} ${region} ${operation} ${stableJson(input)}`;

/** Runs the audit of a fixture, counting every call the SDK clients and the resolver get. */
async function countedRun(file: string) {
  const loaded = loadExpectations(file);
  const checks = await loadChecks();
  const aws = new Map<string, number>();
  const dns = new Map<string, number>();
  const answer = sdkAnswers();
  const prepared = await prepareSource(loaded, {
    gateway: {
      limits: FAST,
      makeClient: (service, region) => ({
        send(command) {
          const operation = command.constructor.name.replace(/Command$/, '');
          const input = (command as { input: object }).input;
          const key = callKey(service, region, operation, input);
          aws.set(key, (aws.get(key) ?? 0) + 1);
          return answer({ service, region, operation, input });
        },
      }),
    },
  });
  try {
    const world: DnsLookup = prepared.ctx.dns;
    const plan = await planCollection(loaded, checks, {
      aws: answer,
      dns: world,
      now: prepared.ctx.now,
    });
    const counting: DnsLookup = {
      query(name, type) {
        const key = `${name.toLowerCase()} ${type}`;
        dns.set(key, (dns.get(key) ?? 0) + 1);
        return world.query(name, type);
      },
    };
    await runAudit({ ...prepared.ctx, dns: counting }, checks);
    return { plan, aws, dns, stats: prepared.ctx.aws.stats() };
  } finally {
    await prepared.close();
  }
}

const planned = (plan: CollectionPlan) => ({
  aws: plan.calls.map((c) => callKey(c.service, c.region, c.operation, c.input)).sort(),
  dns: plan.queries.map((q) => `${q.name} ${q.type}`).sort(),
});

describe('planCollection', () => {
  it.each(['expectations.yaml', 'fixtures/charter-incident/expectations.yaml'])(
    'passes when the run of %s sends every planned call and question exactly once',
    async (file) => {
      const { plan, aws, dns, stats } = await countedRun(file);

      expect([...aws.keys()].sort()).toEqual(planned(plan).aws);
      expect([...aws.values()].every((count) => count === 1)).toBe(true);
      expect([...dns.keys()].sort()).toEqual(planned(plan).dns);
      expect([...dns.values()].every((count) => count === 1)).toBe(true);
      expect(stats).toEqual({
        callsMade: plan.calls.length,
        callsDistinct: plan.calls.length,
        retries: 0,
      });
    },
  );

  it('passes when the plan without answers is the first wave of the full plan', async () => {
    const loaded = loadExpectations('expectations.yaml');
    const checks = await loadChecks();
    const prepared = await prepareSource(loaded, { gateway: { limits: FAST } });
    try {
      const first = await planCollection(loaded, checks, { delays: { aws: 1000, dns: 1 } });
      const full = await planCollection(loaded, checks, {
        aws: sdkAnswers(),
        dns: prepared.ctx.dns,
        now: prepared.ctx.now,
      });

      const fullCalls = new Set(planned(full).aws);
      expect(planned(first).aws.filter((key) => !fullCalls.has(key))).toEqual([]);
      expect(planned(first).aws).toContain(callKey('sesv2', 'us-east-1', 'GetAccount', {}));
      // One AWS round trip: no call of the first wave waits for another call's answer.
      expect(first.chainMs).toBe(1000);
      expect(full.calls.length).toBeGreaterThan(first.calls.length);
    } finally {
      await prepared.close();
    }
  });
});
