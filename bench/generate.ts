import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { RecordedCall } from '../src/aws/recording.js';
import { parseExpectations } from '../src/config/load.js';
import { startLoopbackDns } from '../src/dns/loopback-server.js';
import { createResolver } from '../src/dns/resolver.js';
import { Zone } from '../src/dns/zone.js';
import { planCollection, type PlannedCall } from '../src/engine/plan.js';
import { loadChecks } from '../src/engine/registry.js';
import { buildWorld, type WorldShape } from './world.js';

export const RECORDED_AT = new Date('2026-12-01T00:00:00Z');

/** What the fixture's run needs, with the chain bound in the benchmark's delays. */
export interface PlanSummary {
  calls: number;
  queries: number;
  buckets: Record<string, number>;
  chainMs: number;
}

/**
 * Writes a fixture folder for the shape: expectations.yaml, dns/zone.yaml and a recording
 * in aws/. The recording is made by planning the audit against the synthetic world, so it
 * holds exactly the calls a run makes, each answered as the world says.
 */
export async function generateFixture(
  dir: string,
  shape: WorldShape,
  delays: { aws: number; dns: number },
): Promise<PlanSummary> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'aws'), { recursive: true });
  mkdirSync(join(dir, 'dns'), { recursive: true });
  const world = buildWorld(shape);
  writeFileSync(join(dir, 'expectations.yaml'), world.expectations);
  writeFileSync(
    join(dir, 'dns', 'zone.yaml'),
    stringify(world.zone, { aliasDuplicateObjects: false }),
  );
  writeFileSync(join(dir, 'recording.json'), JSON.stringify({ recorded_at: RECORDED_AT }));

  const recorded: RecordedCall[] = [];
  const answer = async (call: PlannedCall) => {
    const base = { ...call, input: call.input as Record<string, unknown> };
    try {
      const output = world.answer(call) as Record<string, unknown>;
      recorded.push({ ...base, output });
      return output;
    } catch (error) {
      const { name, message } = error as Error;
      recorded.push({ ...base, error: { name, message, httpStatusCode: 404 } });
      throw error;
    }
  };

  const server = await startLoopbackDns(new Zone(world.zone));
  try {
    const loaded = parseExpectations(world.expectations, join(dir, 'expectations.yaml'));
    const dns = createResolver({ servers: [server.address], timeoutMs: 2000, tries: 1 });
    const plan = await planCollection(loaded, await loadChecks(), {
      aws: answer,
      dns,
      delays,
      now: () => RECORDED_AT,
    });
    writeFileSync(join(dir, 'aws', 'bench.json'), JSON.stringify(recorded));
    return {
      calls: plan.calls.length,
      queries: plan.queries.length,
      buckets: Object.fromEntries(plan.buckets),
      chainMs: plan.chainMs,
    };
  } finally {
    await server.close();
  }
}
