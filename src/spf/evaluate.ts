import type { DNSResolver } from 'mailauth';
import mailauthSpf from 'mailauth/lib/spf/index.js';
import type { DnsStatus, DnsType } from '../dns/answer.js';
import type { DnsLookup } from '../dns/resolver.js';
import { isSpfRecord, parseSpf } from './record.js';
import { expandValidatedDomain, validatedDomain } from './validated-domain.js';

export type SpfResult =
  'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

export interface SpfVerdict {
  result: SpfResult;
  /** mailauth's comment: which domain designated (or did not designate) the address. */
  explanation: string;
}

/**
 * The error codes mailauth's SPF resolver contract expects, the same ones node:dns throws:
 * ENOTFOUND and ENODATA count as void lookups (RFC 7208 section 4.6.4), ETIMEOUT and
 * EREFUSED become temperror, anything else is rethrown and also ends as temperror.
 */
const ERROR_CODE_BY_STATUS: Record<Exclude<DnsStatus, 'ok'>, string> = {
  nxdomain: 'ENOTFOUND',
  nodata: 'ENODATA',
  timeout: 'ETIMEOUT',
  servfail: 'ESERVFAIL',
  refused: 'EREFUSED',
  error: 'EUNKNOWN',
};

/** The record types mailauth asks for while evaluating a policy. */
const SPF_QUERY_TYPES = new Set<string>(['TXT', 'A', 'AAAA', 'MX', 'PTR']);

/**
 * Evaluates the SPF policy of the sender's domain for a client address with mailauth's
 * RFC 7208 implementation, every query going through our DnsLookup (so replayed zones,
 * memoisation and status mapping apply). `mta` is fixed so explanations are reproducible.
 */
export async function evaluateSpf(
  dns: DnsLookup,
  params: { ip: string; sender: string; helo?: string },
): Promise<SpfVerdict> {
  const verdict = await mailauthSpf.spf({
    ip: params.ip,
    sender: params.sender,
    helo: lookupSafeHelo(params.helo),
    mta: 'mailspec',
    resolver: adaptResolver(dns, params.ip),
  });

  return {
    result: verdict.status.result as SpfResult,
    explanation: String(verdict.status.comment ?? ''),
  };
}

/** mailauth's resolver contract: `(name, type) => records`, like dns.promises.resolve. */
function adaptResolver(dns: DnsLookup, ip: string): DNSResolver {
  // MX answers are objects, which mailauth's declared resolver type leaves out.
  return async (name, type) => {
    if (!SPF_QUERY_TYPES.has(type)) throw dnsError('ENOTIMP', name, type);
    if (!fitsDns(name)) throw dnsError('ENOTFOUND', name, type, 'name too long to exist');

    if (/(^|\.)invalid\.?$/i.test(name)) throw dnsError('ENOTFOUND', name, type, 'reserved name');

    const answer = await dns.query(name, type as DnsType);
    if (answer.status === 'ok') {
      if (type !== 'TXT') return answer.records as string[];
      rejectInvalidRecord(name, answer.records as string[][]);
      return (await withValidatedDomain(
        dns,
        ip,
        name,
        answer.records as string[][],
      )) as unknown as string[];
    }
    throw dnsError(ERROR_CODE_BY_STATUS[answer.status], name, type, answer.detail);
  };
}

/**
 * Section 4.6: a syntax error anywhere in the record makes check_host() return permerror
 * at once. mailauth's own parser lets some through (a bare ip6, exp twice, macro letters
 * of explanations in a domain-spec), so each record fetched is parsed here first and an
 * invalid one ends the evaluation where mailauth would have read it.
 */
function rejectInvalidRecord(name: string, records: string[][]): void {
  const spf = records.map((chunks) => chunks.join('')).filter(isSpfRecord);
  if (spf.length !== 1) return;

  const parsed = parseSpf(spf[0]!);
  if (parsed.ok) return;
  const error = dnsError('ESPFSYNTAX', name, 'TXT', parsed.reason) as Error & {
    spfResult?: { error: string; text: string };
  };
  error.spfResult = { error: 'permerror', text: `invalid SPF record at ${name}: ${parsed.reason}` };
  throw error;
}

/**
 * mailauth expands %{p} to the sender's domain instead of the validated domain name of the
 * client (its documented shortcut), so SPF records using it are expanded here first.
 */
async function withValidatedDomain(
  dns: DnsLookup,
  ip: string,
  domain: string,
  records: string[][],
): Promise<string[][]> {
  const joined = records.map((chunks) => chunks.join(''));
  if (!joined.some((text) => isSpfRecord(text) && /%\{p/i.test(text))) return records;

  const client = ip.replace(/^::ffff:(?=(\d+\.){3}\d+$)/i, '');
  const validated = await validatedDomain(dns, client, domain);
  return joined.map((text) => [isSpfRecord(text) ? expandValidatedDomain(text, validated) : text]);
}

/**
 * A HELO name that is not a dotted domain name (a bare word, an address literal) names no
 * host public DNS holds (dotless names are not delegated, RFC 7085), so every lookup built
 * from %{h} is void. mailauth instead stops with permerror on such a name, so it is given
 * the reserved name `helo.invalid` (RFC 6761 section 6.4), answered as nonexistent here.
 */
function lookupSafeHelo(helo: string | undefined): string | undefined {
  if (helo === undefined) return undefined;
  const dotted = /^([a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.)+[a-z][a-z0-9-]*\.?$/i;
  return dotted.test(helo) ? helo : 'helo.invalid';
}

/**
 * An empty label, a label over 63 octets or a name over 253 cannot exist (RFC 1035 section
 * 2.3.4), so a macro that expands to one names nothing: a void lookup, not a failure to ask.
 */
function fitsDns(name: string): boolean {
  const bare = name.replace(/\.$/, '');
  const labels = bare.split('.');
  return bare.length <= 253 && labels.every((label) => label.length >= 1 && label.length <= 63);
}

function dnsError(code: string, name: string, type: string, detail?: string): Error {
  const error = new Error(`${type} ${name}: ${detail ?? code}`) as NodeJS.ErrnoException;
  error.code = code;
  return error;
}
