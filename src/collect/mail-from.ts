import { mxRecords, type DnsAnswer } from '../dns/answer.js';
import type { AuditContext } from '../engine/context.js';

/** The MX answer of a custom MAIL FROM domain, shared by every region that uses it. */
export function collectMailFromMx(ctx: AuditContext, mailFromDomain: string): Promise<DnsAnswer> {
  return ctx.dns.query(mailFromDomain, 'MX');
}

/** `feedback-smtp.us-east-1.amazonses.com` → `us-east-1`; any other exchange → undefined. */
export function feedbackRegion(exchange: string): string | undefined {
  return /^feedback-smtp\.([a-z0-9-]+)\.amazonses\.com$/.exec(exchange.toLowerCase())?.[1];
}

export function exchanges(answer: DnsAnswer): string[] {
  return mxRecords(answer).map((mx) => mx.exchange);
}
