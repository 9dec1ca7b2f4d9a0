import { describeStatus, isAbsent, joinedTxt } from '../../src/dns/answer.js';
import { defineCheck, fail, inconclusive, pass, type Check } from '../../src/engine/check.js';
import { discoverDmarc, type DmarcDiscovery } from '../../src/dmarc/discover.js';
import { organizationalDomain } from '../../src/dmarc/organizational-domain.js';
import { isDmarcRecord, reportDestinationDomain } from '../../src/dmarc/record.js';
import type { Outcome } from '../../src/types.js';

/** One external report destination and what its authorization record says. */
export interface ExternalDestination {
  uri: string;
  /** `<domain>._report._dmarc.<destination domain>` */
  name: string;
  status: 'authorized' | 'missing' | 'undecided';
  found: string;
}

export interface ReportAuthorizationFacts {
  dmarc: DmarcDiscovery;
  external: ExternalDestination[];
}

/**
 * Passes when every aggregate report destination outside the domain has agreed to receive
 * its reports: RFC 7489 section 7.1 has receivers drop reports to unauthorized destinations.
 */
const check: Check<'domain', ReportAuthorizationFacts> = defineCheck({
  meta: {
    id: 'dmarc.report-authorization',
    layer: 'dns',
    severity: 'low',
    group: 'DMARC',
    title: 'external report destinations are authorized',
    remediation:
      'Have the owner of each external rua destination publish TXT "v=DMARC1" at <domain>._report._dmarc.<destination domain>, or send reports to a mailbox inside the domain.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-7.1',
  },
  scope: 'domain',
  appliesTo: (subject) => subject.domain.dmarc.require_report_authorization,
  async collect(subject, ctx) {
    const domain = subject.domain.domain;
    const dmarc = await discoverDmarc(ctx, domain);
    if (dmarc.status !== 'found' || !dmarc.parsed.ok) return { dmarc, external: [] };

    const own = organizationalDomain(domain);
    const outside = dmarc.parsed.record.rua.flatMap((uri) => {
      const target = reportDestinationDomain(uri);
      return target && organizationalDomain(target) !== own ? [{ uri, target }] : [];
    });
    const external = await Promise.all(
      outside.map(async ({ uri, target }): Promise<ExternalDestination> => {
        const name = `${domain}._report._dmarc.${target}`;
        const answer = await ctx.dns.query(name, 'TXT');
        if (joinedTxt(answer).some(isDmarcRecord)) {
          return { uri, name, status: 'authorized', found: joinedTxt(answer).join(' | ') };
        }
        const status = isAbsent(answer) || answer.status === 'ok' ? 'missing' : 'undecided';
        return { uri, name, status, found: describeStatus(answer) };
      }),
    );
    return { dmarc, external };
  },
  evaluate({ domain: { domain } }, { dmarc, external }) {
    if (dmarc.status === 'undecided') {
      return inconclusive(
        `DMARC report destinations of ${domain} could not be read (${dmarc.name}: ${dmarc.found})`,
      );
    }
    // Without a usable record there is nothing to authorize; dmarc.record reports the absence.
    if (dmarc.status !== 'found' || !dmarc.parsed.ok) return [];
    if (external.length === 0) {
      return pass(`DMARC aggregate reports of ${domain} go to no destination outside the domain`, {
        found: `rua=${dmarc.parsed.record.rua.join(',') || '(none)'}`,
      });
    }
    return external.map((destination) => judge(domain, destination));
  },
});

function judge(domain: string, destination: ExternalDestination): Outcome {
  const extra = {
    item: destination.uri,
    expected: `TXT "v=DMARC1" at ${destination.name}`,
    found: `${destination.name}: ${destination.found}`,
  };
  if (destination.status === 'authorized') {
    return pass(`${destination.uri} is authorized to receive DMARC reports for ${domain}`, extra);
  }
  if (destination.status === 'undecided') {
    return inconclusive(
      `authorization of ${destination.uri} for ${domain} could not be read (${destination.found})`,
      extra,
    );
  }
  return fail(
    `${destination.uri} has not authorized DMARC reports for ${domain} (${destination.found}), so receivers will not send them`,
    extra,
  );
}

export default check;
