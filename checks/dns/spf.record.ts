import type { SpfDomain } from '../../src/collect/spf.js';
import { describeStatus, isUndecided, joinedTxt } from '../../src/dns/answer.js';
import { fail, inconclusive, pass } from '../../src/engine/check.js';
import { describeDomain } from '../../src/spf/tree.js';
import { defineSpfCheck } from '../../src/spf/check.js';
import type { Outcome } from '../../src/types.js';

/** Passes, per domain, when the From and the MAIL FROM domain each publish one SPF record. */
export default defineSpfCheck(
  {
    id: 'spf.record',
    layer: 'dns',
    severity: 'high',
    group: 'SPF',
    title: 'exactly one record is published',
    remediation:
      'Publish exactly one TXT record starting with "v=spf1" at the domain; merge the mechanisms of several SPF records into one, since two make every receiver return permerror.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-4.5',
  },
  judge,
);

function judge(spf: SpfDomain): Outcome {
  const { txt, records } = spf.policy;
  const name = describeDomain(spf);
  const item = spf.domain;
  const expected = `one TXT record at ${spf.domain} starting with v=spf1`;

  if (isUndecided(txt)) {
    return inconclusive(
      `the TXT records of ${name} could not be resolved (${describeStatus(txt)})`,
      { item, expected },
    );
  }
  if (records.length === 1) {
    return pass(`${name} publishes one SPF record`, { item, found: records[0] });
  }
  if (records.length > 1) {
    // Section 4.5: more than one record is a permerror, whatever the records say.
    return fail(`${name} publishes ${records.length} SPF records, so receivers return permerror`, {
      item,
      expected,
      found: records.join(' | '),
    });
  }

  const others = joinedTxt(txt).length;
  const state =
    others > 0 ? `${others} TXT record(s), none starting with v=spf1` : describeStatus(txt);
  return fail(`${name} publishes no SPF record (${state})`, { item, expected, found: state });
}
