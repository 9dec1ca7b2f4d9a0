import type { SpfDomain } from '../../src/collect/spf.js';
import { fail, inconclusive, pass } from '../../src/engine/check.js';
import {
  countLookups,
  describeDomain,
  findLoop,
  hasValidRecord,
  plural,
  unknownParts,
} from '../../src/spf/tree.js';
import { defineSpfCheck } from '../../src/spf/check.js';
import type { Outcome } from '../../src/types.js';

/**
 * Passes, per domain, when the DNS-querying terms of its whole include and redirect tree
 * number at most `spf.max_lookups` (10, the RFC 7208 limit), every branch counted, since a
 * receiver walks a different path for each client address.
 */
export default defineSpfCheck(
  {
    id: 'spf.lookup-limit',
    layer: 'dns',
    severity: 'high',
    group: 'SPF',
    title: 'at most 10 DNS lookups over the include tree',
    remediation:
      'Remove includes of services that no longer send for the domain, replace a and mx terms by ip4/ip6 ranges, or give each service its own subdomain; past the limit receivers return permerror.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4',
  },
  (spf, { spf: limits }) => judge(spf, limits.max_lookups),
);

function judge(spf: SpfDomain, limit: number): Outcome[] {
  if (!hasValidRecord(spf.policy)) return [];
  const name = describeDomain(spf);
  const item = spf.domain;
  const expected = `at most ${limit} DNS lookups`;

  const loop = findLoop(spf.policy);
  if (loop) {
    return [
      fail(
        `the SPF tree of ${name} loops back to ${loop.branch.target} at ${loop.at}, so receivers run out of lookups and return permerror`,
        { item, expected, found: `${loop.branch.term} at ${loop.at}` },
      ),
    ];
  }

  const { total, byDomain } = countLookups(spf.policy);
  const found = byDomain
    .filter(([, count]) => count > 0)
    .map(([domain, count]) => `${domain} ${count}`)
    .join(', ');
  const unknown = unknownParts(spf.policy);
  const tree = 'over its include and redirect tree';
  if (total > limit) {
    const atLeast = unknown.length > 0 ? 'at least ' : '';
    return [
      fail(
        `the SPF record of ${name} makes ${atLeast}${plural(total, 'DNS lookup')} ${tree}, above the limit of ${limit}, so receivers return permerror`,
        { item, expected, found },
      ),
    ];
  }
  if (unknown.length > 0) {
    return [
      inconclusive(
        `the DNS lookups of the SPF record of ${name} could not all be counted (${unknown.join('; ')})`,
        { item, expected, found },
      ),
    ];
  }
  return [
    pass(
      `the SPF record of ${name} makes ${plural(total, 'DNS lookup')} ${tree}, within the limit of ${limit}`,
      { item, found },
    ),
  ];
}
