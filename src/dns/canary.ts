import { describeStatus, isAbsent, type DnsAnswer, type DnsType } from './answer.js';
import type { DnsLookup } from './resolver.js';

/** A question whose answer is known to exist, asked before any absence is believed. */
export interface CanaryQuestion {
  name: string;
  type: DnsType;
}

/**
 * SES's own SPF record: every SES sender depends on it, so a resolver that cannot answer it
 * is not reading the public DNS. https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-spf.html
 */
export const SES_CANARY: CanaryQuestion = { name: 'amazonses.com', type: 'TXT' };

/**
 * A DnsLookup that believes "no such name" and "no data" only from a resolver that answers
 * the canary. Sandboxes and captive networks run resolvers that answer NXDOMAIN for every
 * name; their absence answers become errors with the reason, so the checks come out
 * inconclusive instead of failing every record. Records a resolver does return are kept.
 */
export function withCanary(dns: DnsLookup, canary: CanaryQuestion = SES_CANARY): DnsLookup {
  const key = (name: string, type: DnsType) => `${name.toLowerCase().replace(/\.$/, '')} ${type}`;
  let asked: Promise<DnsAnswer> | undefined;
  const canaryAnswer = () => (asked ??= dns.query(canary.name, canary.type));

  return {
    async query(name, type) {
      const isCanary = key(name, type) === key(canary.name, canary.type);
      const [answer, probe] = await Promise.all([
        isCanary ? canaryAnswer() : dns.query(name, type),
        canaryAnswer(),
      ]);
      const distrust = distrustOf(probe, canary);
      if (!distrust || !isAbsent(answer)) return answer;
      return { ...answer, status: 'error', records: [], detail: distrust };
    },
  };
}

/** Why the resolver's absence answers cannot be believed, or undefined when they can. */
export function distrustOf(probe: DnsAnswer, canary: CanaryQuestion): string | undefined {
  if (probe.status === 'ok') return undefined;
  const { name, type } = canary;
  if (probe.status === 'nxdomain') {
    return `the DNS resolver answers NXDOMAIN for ${name}, which exists, so its answers cannot be trusted`;
  }
  if (probe.status === 'nodata') {
    return `the DNS resolver answers no ${type} record for ${name}, which publishes one, so its answers cannot be trusted`;
  }
  return `the DNS resolver gives no answer for ${name} ${type} (${describeStatus(probe)}), so its absence answers cannot be trusted`;
}
