import type { SpfDomain } from '../../src/collect/spf.js';
import { fail, pass } from '../../src/engine/check.js';
import { describeDomain } from '../../src/spf/tree.js';
import { defineSpfCheck } from '../../src/spf/check.js';
import type { Outcome } from '../../src/types.js';

/**
 * Passes, per domain, when its SPF record, TXT strings joined with no separator, follows
 * the grammar of RFC 7208 section 12.
 */
export default defineSpfCheck(
  {
    id: 'spf.syntax',
    layer: 'dns',
    severity: 'high',
    group: 'SPF',
    title: 'the record is valid syntax',
    remediation:
      'Correct the term named in the finding; receivers read the TXT strings joined with nothing between them, so a string split inside a term must continue it exactly.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-12',
  },
  judge,
);

function judge(spf: SpfDomain): Outcome[] {
  const { parsed, records } = spf.policy;
  // Without exactly one record there is nothing to parse; spf.record reports that.
  if (!parsed) return [];

  const name = describeDomain(spf);
  const item = spf.domain;
  if (parsed.ok) return [pass(`the SPF record of ${name} is valid syntax`, { item })];

  // Section 4.6: a syntax error anywhere makes the whole record a permerror.
  return [
    fail(`the SPF record of ${name} is invalid, so receivers return permerror: ${parsed.reason}`, {
      item,
      expected: 'a record following RFC 7208 section 12',
      found: records[0],
    }),
  ];
}
