import type { SpfDomain } from '../../src/collect/spf.js';
import { fail, inconclusive, pass } from '../../src/engine/check.js';
import {
  describeDomain,
  describePlace,
  hasValidRecord,
  mechanismsOf,
  unknownParts,
  visitPolicies,
} from '../../src/spf/tree.js';
import { defineSpfCheck } from '../../src/spf/check.js';
import type { Outcome } from '../../src/types.js';

/**
 * Passes, per domain, when no record its SPF passes on to (itself, or through pass-qualified
 * includes and redirects) has `+all`, which authorizes every address on the internet.
 */
export default defineSpfCheck(
  {
    id: 'spf.no-pass-all',
    layer: 'dns',
    severity: 'critical',
    group: 'SPF',
    title: 'no +all authorizes every address',
    remediation:
      'End the record with "~all" or "-all" after the mechanisms of the services that really send for the domain; "+all" (or a bare "all") lets anyone pass SPF as the domain.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-5.1',
  },
  judge,
);

function judge(spf: SpfDomain): Outcome[] {
  if (!hasValidRecord(spf.policy)) return [];
  const name = describeDomain(spf);
  const item = spf.domain;

  // An include qualified -, ~ or ? turns the included pass into that result (section 5.2).
  const passing = visitPolicies(spf.policy).filter(({ path }) =>
    path.every((branch) => branch.qualifier === '+'),
  );
  const open = passing.find(({ policy }) =>
    mechanismsOf(policy).some((m) => m.name === 'all' && m.qualifier === '+'),
  );
  if (open) {
    const term = mechanismsOf(open.policy).find((m) => m.name === 'all')!.text;
    return [
      fail(
        `the SPF policy of ${name} authorizes every address on the internet with "${term}" ${describePlace(open)}`,
        { item, expected: 'no +all', found: `${term} at ${open.policy.domain}` },
      ),
    ];
  }

  const unknown = unknownParts(spf.policy);
  if (unknown.length > 0) {
    return [
      inconclusive(`the SPF tree of ${name} could not be read whole (${unknown.join('; ')})`, {
        item,
        expected: 'no +all',
      }),
    ];
  }
  return [pass(`the SPF tree of ${name} has no +all`, { item })];
}
