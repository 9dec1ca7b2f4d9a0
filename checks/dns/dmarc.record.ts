import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import { discoverDmarc, type DmarcDiscovery } from '../../src/dmarc/discover.js';

/** Passes when exactly one valid DMARC record applies to the domain (its own or inherited). */
export default defineCheck({
  meta: {
    id: 'dmarc.record',
    layer: 'dns',
    severity: 'high',
    group: 'DMARC',
    title: 'exactly one valid record is published',
    remediation:
      'Publish one TXT record at _dmarc.<domain> that starts with v=DMARC1 and names a policy, for example "v=DMARC1; p=quarantine; rua=mailto:dmarc@<domain>".',
    reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-6.6.3',
  },
  scope: 'domain',
  collect: (subject, ctx) => discoverDmarc(ctx, subject.domain.domain),
  evaluate({ domain: { domain } }, dmarc: DmarcDiscovery) {
    const expected = `one TXT record at _dmarc.${domain} starting with v=DMARC1 with a valid p`;
    switch (dmarc.status) {
      case 'undecided':
        return inconclusive(`DMARC record of ${domain} could not be read (${dmarc.found})`, {
          found: `${dmarc.name}: ${dmarc.found}`,
        });
      case 'absent':
        return fail(`${domain} has no DMARC record (${dmarc.found})`, {
          expected,
          found: dmarc.found,
        });
      case 'several':
        // Section 6.6.3: several records mean receivers apply no DMARC policy at all.
        return fail(
          `${domain} has ${dmarc.texts.length} DMARC records at ${dmarc.name}, so none applies`,
          {
            expected,
            found: dmarc.texts.join(' | '),
          },
        );
      case 'found':
        if (!dmarc.parsed.ok) {
          return fail(
            `DMARC record of ${domain} at ${dmarc.name} is invalid: ${dmarc.parsed.reason}`,
            {
              expected,
              found: dmarc.text,
            },
          );
        }
        return pass(
          `${domain} has one valid DMARC record at ${dmarc.name}` +
            (dmarc.atOrganization ? ' (inherited from its organizational domain)' : ''),
          { found: dmarc.text },
        );
    }
  },
});
