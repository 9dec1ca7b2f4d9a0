import { describe, expect, it } from 'vitest';
import { defineCheck, fail, pass, warn, type Check, type Scope } from '../../src/engine/check.js';
import type { LoadedCheck } from '../../src/engine/registry.js';
import { runAudit } from '../../src/engine/run.js';
import { testContext } from '../support/audit-context.js';

const YAML = `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
  - domain: example.org
    regions: [us-east-1]
    route53: { hosted_zone: auto }
`;

const meta = (id: string) => ({
  id,
  layer: 'dns' as const,
  severity: 'high' as const,
  group: 'test',
  title: `title of ${id}`,
  remediation: 'Do the thing that fixes it.',
  reference: 'https://example.com/doc',
});

function loaded<S extends Scope, F>(check: Check<S, F>): LoadedCheck {
  return { check: check as unknown as Check, file: `checks/dns/${check.meta.id}.ts` };
}

describe('runAudit', () => {
  it('passes when results come back in declaration order, whatever order they finished in', async () => {
    let delay = 3;
    const slowFirst = defineCheck({
      meta: meta('test.order'),
      scope: 'domain-region',
      collect: (subject) =>
        new Promise<string>((resolve) => setTimeout(() => resolve(subject.region), delay--)),
      evaluate: ({ domain }, region: string) => pass(`${domain.domain} in ${region}`),
    });

    const results = await runAudit(testContext({ yaml: YAML }), [loaded(slowFirst)]);

    expect(results.map((result) => result.message)).toEqual([
      'example.com in us-east-1',
      'example.com in us-west-2',
      'example.org in us-east-1',
    ]);
    expect(results[1]).toMatchObject({
      check: 'test.order',
      subject: 'example.com',
      region: 'us-west-2',
      path: ['example.com', 'us-west-2', 'test', 'title of test.order'],
      location: { file: 'expectations.yaml', line: 4, column: 26 },
    });
  });

  it('passes when an outcome that names its own fix shows it as the remediation, and only it', async () => {
    const nothingToSee = defineCheck({
      meta: meta('test.fix'),
      scope: 'domain',
      collect: async () => undefined,
      evaluate: ({ domain }) =>
        domain.domain === 'example.com'
          ? warn('nothing was declared to look at', { fix: 'Declare it so it can be checked.' })
          : pass('looked'),
    });

    const results = await runAudit(testContext({ yaml: YAML }), [loaded(nothingToSee)]);

    expect(results.map((result) => [result.remediation, 'fix' in result])).toEqual([
      ['Declare it so it can be checked.', false],
      ['Do the thing that fixes it.', false],
    ]);
  });

  it('passes when a check is skipped for subjects it does not apply to', async () => {
    const onlyRoute53 = defineCheck({
      meta: meta('test.applies'),
      scope: 'domain',
      appliesTo: (subject) => subject.domain.route53 !== undefined,
      collect: async () => null,
      evaluate: ({ domain }) => pass(`${domain.domain} checked`),
    });

    const results = await runAudit(testContext({ yaml: YAML }), [loaded(onlyRoute53)]);

    expect(results.map((result) => result.message)).toEqual(['example.org checked']);
  });

  it('fails as inconclusive, never pass, when a check crashes', async () => {
    const crashing = defineCheck({
      meta: meta('test.crash'),
      scope: 'domain',
      collect: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
      evaluate: () => pass('unreachable'),
    });

    const results = await runAudit(testContext({ yaml: YAML }), [loaded(crashing)]);

    expect(results.map(({ outcome, message }) => ({ outcome, message }))).toEqual([
      {
        outcome: 'inconclusive',
        message: 'check test.crash could not run: cannot read properties of undefined',
      },
      {
        outcome: 'inconclusive',
        message: 'check test.crash could not run: cannot read properties of undefined',
      },
    ]);
  });

  it('fails per item when a check judges several items of one subject', async () => {
    const items = defineCheck({
      meta: meta('test.items'),
      scope: 'domain',
      appliesTo: (subject) => subject.domain.domain === 'example.com',
      collect: async () => ['a', 'b'],
      evaluate: (_subject, tokens: string[]) =>
        tokens.map((item) => fail(`token ${item} missing`, { item })),
    });

    const results = await runAudit(testContext({ yaml: YAML }), [loaded(items)]);

    expect(results.map((result) => result.title)).toEqual([
      'title of test.items › a',
      'title of test.items › b',
    ]);
  });

  it('fails at the line of the key the check names, not at the subject', async () => {
    const zone = defineCheck({
      meta: meta('test.key-path'),
      scope: 'domain',
      keyPath: ['route53', 'hosted_zone'],
      appliesTo: (subject) => subject.domain.route53 !== undefined,
      collect: async () => null,
      evaluate: ({ domain }) => fail(`hosted zone of ${domain.domain} not found`),
    });

    const [result] = await runAudit(testContext({ yaml: YAML }), [loaded(zone)]);

    expect(result.location).toEqual({ file: 'expectations.yaml', line: 7, column: 29 });
  });
});
