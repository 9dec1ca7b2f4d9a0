import type { DnsAnswer } from '../dns/answer.js';
import type { AuditContext } from '../engine/context.js';

/**
 * What DNS answered for one Easy DKIM token, with the near misses looked up only when the
 * CNAME is absent: a TXT at the same name (the record type chosen wrongly), and the name
 * with the zone appended a second time (a full name typed into a console that appends the
 * zone, as Route 53 and most DNS hosts do).
 */
export interface TokenRecords {
  token: string;
  /** `<token>._domainkey.<domain>` */
  name: string;
  cname: DnsAnswer;
  txt?: DnsAnswer;
  /** `<token>._domainkey.<domain>.<domain>` */
  doubled?: DnsAnswer;
}

export async function collectTokenRecords(
  ctx: AuditContext,
  domain: string,
  tokens: string[],
): Promise<TokenRecords[]> {
  return Promise.all(tokens.map((token) => collectToken(ctx, domain, token.toLowerCase())));
}

async function collectToken(
  ctx: AuditContext,
  domain: string,
  token: string,
): Promise<TokenRecords> {
  const name = `${token}._domainkey.${domain}`;
  const cname = await ctx.dns.query(name, 'CNAME');
  if (cname.status !== 'nxdomain' && cname.status !== 'nodata') return { token, name, cname };

  // A TXT can only sit at a name that exists, so NXDOMAIN needs no second question.
  const [txt, doubled] = await Promise.all([
    cname.status === 'nodata' ? ctx.dns.query(name, 'TXT') : undefined,
    ctx.dns.query(`${name}.${domain}`, 'CNAME'),
  ]);
  return { token, name, cname, ...(txt ? { txt } : {}), doubled };
}
