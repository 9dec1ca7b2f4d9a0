import { describeStatus, isAbsent, joinedTxt, type DnsAnswer } from '../dns/answer.js';
import type { AuditContext } from '../engine/context.js';
import { organizationalDomain } from './organizational-domain.js';
import { isDmarcRecord, parseDmarcRecord, type ParsedDmarc } from './record.js';

/** What DNS says about the DMARC policy of a From domain. */
export type DmarcDiscovery =
  | {
      status: 'found';
      /** The name the record was found at: `_dmarc.<domain>` or `_dmarc.<org domain>`. */
      name: string;
      /** True when the record is the organizational domain's, so `sp` applies. */
      atOrganization: boolean;
      text: string;
      parsed: ParsedDmarc;
    }
  | { status: 'several'; name: string; texts: string[] }
  | { status: 'absent'; names: string[]; found: string }
  | { status: 'undecided'; name: string; found: string };

/**
 * Policy discovery (RFC 7489 section 6.6.3): `_dmarc.<From domain>`, then the
 * organizational domain. TXT strings not starting with v=DMARC1 are discarded; more than
 * one remaining record means no policy applies. Memoised for the run.
 */
export function discoverDmarc(ctx: AuditContext, domain: string): Promise<DmarcDiscovery> {
  return ctx.memo(`dmarc ${domain}`, async () => {
    const own = await lookup(ctx, domain, false);
    const organization = organizationalDomain(domain);
    if (own.status !== 'absent' || organization === domain) return own;

    const inherited = await lookup(ctx, organization, true);
    if (inherited.status !== 'absent') return inherited;
    return {
      status: 'absent',
      names: [...own.names, ...inherited.names],
      found: `${own.found}; ${inherited.found}`,
    };
  });
}

async function lookup(
  ctx: AuditContext,
  domain: string,
  atOrganization: boolean,
): Promise<DmarcDiscovery> {
  const name = `_dmarc.${domain}`;
  const answer: DnsAnswer = await ctx.dns.query(name, 'TXT');
  if (!isAbsent(answer) && answer.status !== 'ok') {
    return { status: 'undecided', name, found: describeStatus(answer) };
  }

  const texts = joinedTxt(answer).filter(isDmarcRecord);
  if (texts.length > 1) return { status: 'several', name, texts };
  if (texts.length === 0) {
    const misplaced = joinedTxt(answer).filter((text) => /v\s*=\s*DMARC1/i.test(text));
    const found = misplaced.length
      ? `"${misplaced[0]}" does not start with v=DMARC1`
      : answer.status === 'ok'
        ? 'no TXT record starting with v=DMARC1'
        : describeStatus(answer);
    return { status: 'absent', names: [name], found: `${name}: ${found}` };
  }
  return {
    status: 'found',
    name,
    atOrganization,
    text: texts[0],
    parsed: parseDmarcRecord(texts[0]),
  };
}
