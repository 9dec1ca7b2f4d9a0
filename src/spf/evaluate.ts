import type { DNSResolver } from 'mailauth';
import mailauthSpf from 'mailauth/lib/spf/index.js';
import type { DnsStatus, DnsType } from '../dns/answer.js';
import type { DnsLookup } from '../dns/resolver.js';

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
    helo: params.helo,
    mta: 'mailspec',
    resolver: adaptResolver(dns),
  });

  return {
    result: verdict.status.result as SpfResult,
    explanation: String(verdict.status.comment ?? ''),
  };
}

/** mailauth's resolver contract: `(name, type) => records`, like dns.promises.resolve. */
function adaptResolver(dns: DnsLookup): DNSResolver {
  // MX answers are objects, which mailauth's declared resolver type leaves out.
  return async (name, type) => {
    if (!SPF_QUERY_TYPES.has(type)) throw dnsError('ENOTIMP', name, type);
    if (!fitsDns(name)) throw dnsError('ENOTFOUND', name, type, 'name too long to exist');

    const answer = await dns.query(name, type as DnsType);
    if (answer.status === 'ok') return answer.records as string[];
    throw dnsError(ERROR_CODE_BY_STATUS[answer.status], name, type, answer.detail);
  };
}

/**
 * A label over 63 octets or a name over 253 cannot exist (RFC 1035 section 2.3.4), so a
 * macro that expands to one names nothing: a void lookup, not a failure to ask.
 */
function fitsDns(name: string): boolean {
  const bare = name.replace(/\.$/, '');
  return bare.length <= 253 && bare.split('.').every((label) => label.length <= 63);
}

function dnsError(code: string, name: string, type: string, detail?: string): Error {
  const error = new Error(`${type} ${name}: ${detail ?? code}`) as NodeJS.ErrnoException;
  error.code = code;
  return error;
}
