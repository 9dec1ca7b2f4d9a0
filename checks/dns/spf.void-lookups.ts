import type { SpfDomain } from '../../src/collect/spf.js';
import { fail, inconclusive, pass } from '../../src/engine/check.js';
import {
  describeDomain,
  hasValidRecord,
  plural,
  unknownParts,
  voidLookups,
} from '../../src/spf/tree.js';
import { defineSpfCheck } from '../../src/spf/check.js';
import type { Outcome } from '../../src/types.js';

/**
 * Passes, per domain, when at most `spf.max_void_lookups` (2, the RFC 7208 limit) of the
 * lookups of its whole tree return no records (NXDOMAIN or NODATA).
 */
export default defineSpfCheck(
  {
    id: 'spf.void-lookups',
    layer: 'dns',
    severity: 'high',
    group: 'SPF',
    title: 'at most 2 void lookups',
    remediation:
      'Remove the include, a, mx or exists terms whose names no longer exist or hold no records; past the limit receivers return permerror.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4',
  },
  (spf, { spf: limits }) => judge(spf, limits.max_void_lookups),
);

function judge(spf: SpfDomain, limit: number): Outcome[] {
  if (!hasValidRecord(spf.policy)) return [];
  const name = describeDomain(spf);
  const item = spf.domain;
  const expected = `at most ${limit} void lookups`;

  const voids = voidLookups(spf.policy);
  const found = voids.length > 0 ? voids.join(', ') : 'no void lookup';
  if (voids.length > limit) {
    return [
      fail(
        `the SPF tree of ${name} has ${plural(voids.length, 'void lookup')}, above the limit of ${limit}, so receivers return permerror: ${found}`,
        { item, expected, found },
      ),
    ];
  }

  const unknown = unknownParts(spf.policy);
  if (unknown.length > 0) {
    return [
      inconclusive(
        `the void lookups of the SPF tree of ${name} could not all be counted (${unknown.join('; ')})`,
        { item, expected, found },
      ),
    ];
  }
  return [
    pass(
      `the SPF tree of ${name} has ${plural(voids.length, 'void lookup')}, within the limit of ${limit}`,
      {
        item,
        found,
      },
    ),
  ];
}
