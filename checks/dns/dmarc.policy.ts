import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import { discoverDmarc, type DmarcDiscovery } from '../../src/dmarc/discover.js';
import { effectivePolicy, weakerPolicy } from '../../src/predict/policy.js';
import { POLICY_STRENGTH } from '../../src/dmarc/record.js';

/** Passes when the DMARC policy applying to the domain is at least the expected one for all mail. */
export default defineCheck({
  meta: {
    id: 'dmarc.policy',
    layer: 'dns',
    severity: 'medium',
    group: 'DMARC',
    title: 'policy is at least the expected one',
    remediation:
      'Raise p= (or sp= for a subdomain) in the DMARC record to the expected policy and remove pct= or set it to 100, once aggregate reports show all legitimate mail passing.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-6.3',
  },
  scope: 'domain',
  collect: (subject, ctx) => discoverDmarc(ctx, subject.domain.domain),
  evaluate({ domain: { domain, dmarc: wanted } }, dmarc: DmarcDiscovery) {
    const expected = `p=${wanted.policy} or stricter, applied to all failing mail`;
    if (dmarc.status === 'undecided') {
      return inconclusive(`DMARC policy of ${domain} could not be read (${dmarc.found})`);
    }
    if (dmarc.status !== 'found' || !dmarc.parsed.ok) {
      // dmarc.record says why; here only the consequence: receivers apply no policy.
      return wanted.policy === 'none'
        ? pass(`${domain} expects DMARC policy none and no DMARC policy applies`)
        : fail(`${domain} has no usable DMARC record, so no policy applies`, { expected });
    }

    const applies = effectivePolicy(dmarc.parsed.record, dmarc.atOrganization);
    const found = `${applies.tag}=${applies.policy}, pct=${applies.pct} at ${dmarc.name}`;
    if (POLICY_STRENGTH[applies.policy] < POLICY_STRENGTH[wanted.policy]) {
      return fail(`DMARC policy of ${domain} is ${applies.policy}, weaker than ${wanted.policy}`, {
        expected,
        found,
      });
    }
    // Section 6.6.4: mail outside the pct sample gets the next weaker policy.
    const sampled = weakerPolicy(applies.policy);
    if (applies.pct < 100 && POLICY_STRENGTH[sampled] < POLICY_STRENGTH[wanted.policy]) {
      return fail(
        `DMARC policy ${applies.policy} of ${domain} covers only ${applies.pct}% of failing mail; the rest is treated as ${sampled}`,
        { expected, found },
      );
    }
    return pass(`DMARC policy of ${domain} is ${applies.policy} (pct=${applies.pct})`, { found });
  },
});
