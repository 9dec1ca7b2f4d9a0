import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startVitest } from 'vitest/node';
import { audit } from '../src/engine/audit.js';
import { writeHandoff } from '../src/engine/handoff.js';

/** Wall time of the audit spec over a fixture, and of as many empty tests, both in vitest. */
export interface SuiteComparison {
  tests: number;
  /** The spec collecting inside vitest, as `npm test` runs it. */
  auditMs: number;
  /** The spec building its suites from results handed over, as `mailspec audit` runs it. */
  handedMs: number;
  /** The collection `mailspec audit` does before it starts vitest. */
  collectMs: number;
  emptyMs: number;
}

/**
 * The audit as `npm test` and `mailspec audit` run it: specs/audit.spec.ts in vitest, one
 * test per expectation. A replay has no AWS to protect, so the copy of the expectations it
 * reads lifts the benchmark's rate limits; what is left is vitest's own cost per test,
 * compared with a file of the same number of empty tests.
 */
export async function compareWithEmptySuite(
  root: string,
  dir: string,
  tests: number,
): Promise<SuiteComparison> {
  const expectations = parse(readFileSync(join(dir, 'expectations.yaml'), 'utf8'));
  for (const limit of Object.values(expectations.aws.rate_limits) as { per_second: number }[]) {
    limit.per_second = 1_000_000;
  }
  const unpaced = join(dir, 'expectations.unpaced.yaml');
  writeFileSync(unpaced, stringify(expectations, { aliasDuplicateObjects: false }));

  const empty = join(dir, 'empty.spec.ts');
  const body = Array.from({ length: tests }, (_, i) => `  it('empty ${i}', () => {});`);
  const header = `import { describe, it } from 'vitest';\n\n`;
  writeFileSync(empty, `${header}describe('empty', () => {\n${body.join('\n')}\n});\n`);

  process.env.MAILSPEC_EXPECTATIONS = unpaced;
  process.env.MAILSPEC_SOURCE = dir;
  const auditMs = await timeVitest(root, 'specs/audit.spec.ts');

  const collecting = performance.now();
  const run = await audit(unpaced, { fixtures: dir });
  const collectMs = performance.now() - collecting;
  const handoff = writeHandoff(run);
  process.env.MAILSPEC_RESULTS = handoff.file;
  const handedMs = await timeVitest(root, 'specs/audit.spec.ts');
  delete process.env.MAILSPEC_RESULTS;
  handoff.remove();

  const emptyMs = await timeVitest(dir, 'empty.spec.ts');
  return { tests, auditMs, handedMs, collectMs, emptyMs };
}

async function timeVitest(root: string, file: string): Promise<number> {
  const started = performance.now();
  const vitest = await startVitest(
    'test',
    [],
    {
      root,
      config: false,
      include: [file],
      watch: false,
      // No output: fifty thousand lines would time the terminal, not vitest.
      reporters: [{}],
      testTimeout: 600_000,
      hookTimeout: 600_000,
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
    {},
  );
  await vitest.close();
  return performance.now() - started;
}
