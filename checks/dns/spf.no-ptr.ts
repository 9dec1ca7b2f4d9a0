import type { SpfDomain } from '../../src/collect/spf.js';
import { inconclusive, pass, warn } from '../../src/engine/check.js';
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
 * Passes, per domain, when no record of its SPF tree uses `ptr`, which RFC 7208 says not to
 * use: it is slow, loads the reverse DNS of others, and some receivers skip it; warns if found.
 */
export default defineSpfCheck(
  {
    id: 'spf.no-ptr',
    layer: 'dns',
    severity: 'low',
    group: 'SPF',
    title: 'no ptr mechanism is used',
    remediation:
      'Replace the ptr mechanism by the ip4/ip6 ranges or the a mechanism of the hosts it was meant to cover.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-5.5',
  },
  judge,
);

function judge(spf: SpfDomain): Outcome[] {
  if (!hasValidRecord(spf.policy)) return [];
  const name = describeDomain(spf);
  const item = spf.domain;

  const visit = visitPolicies(spf.policy).find(({ policy }) =>
    mechanismsOf(policy).some((m) => m.name === 'ptr'),
  );
  if (visit) {
    const term = mechanismsOf(visit.policy).find((m) => m.name === 'ptr')!.text;
    return [
      warn(
        `the SPF tree of ${name} uses "${term}" ${describePlace(visit)}, which RFC 7208 says not to use`,
        { item, expected: 'no ptr mechanism', found: `${term} at ${visit.policy.domain}` },
      ),
    ];
  }

  const unknown = unknownParts(spf.policy);
  if (unknown.length > 0) {
    return [
      inconclusive(`the SPF tree of ${name} could not be read whole (${unknown.join('; ')})`, {
        item,
        expected: 'no ptr mechanism',
      }),
    ];
  }
  return [pass(`the SPF tree of ${name} uses no ptr mechanism`, { item })];
}
