import type { DnsAnswer, DnsType } from '../dns/answer.js';
import type { AuditContext } from '../engine/context.js';

/** One DNS question per run, however many checks and regions ask it. */
export function lookupOnce(ctx: AuditContext, name: string, type: DnsType): Promise<DnsAnswer> {
  return ctx.memo(`dns ${name.toLowerCase()} ${type}`, () => ctx.dns.query(name, type));
}
