import type { DmarcPolicy, DmarcRecord } from '../dmarc/record.js';

export interface AppliedPolicy {
  /** The tag the policy came from: `sp` for a subdomain covered by its organization's record. */
  tag: 'p' | 'sp';
  policy: DmarcPolicy;
  pct: number;
}

/**
 * The policy a receiver applies to a From domain (RFC 7489 section 6.3): `sp` when the
 * record was found at the organizational domain and the From domain is below it, else `p`.
 */
export function effectivePolicy(record: DmarcRecord, atOrganization: boolean): AppliedPolicy {
  return atOrganization
    ? { tag: 'sp', policy: record.subdomainPolicy, pct: record.pct }
    : { tag: 'p', policy: record.policy, pct: record.pct };
}

/** The policy applied to failing mail outside the pct sample (RFC 7489 section 6.6.4). */
export function weakerPolicy(policy: DmarcPolicy): DmarcPolicy {
  return policy === 'reject' ? 'quarantine' : 'none';
}

export type Provider = 'exchange-online' | 'google' | 'other' | undefined;

/** What a receiver does with mail failing DMARC, in the provider's own terms where known. */
export function receiverAction(applied: AppliedPolicy, provider: Provider): string {
  if (applied.policy === 'none') return `deliver (${applied.tag}=none asks for no action)`;
  const action = describeDisposition(applied.policy, provider);
  if (applied.pct >= 100) return action;
  const rest = describeDisposition(weakerPolicy(applied.policy), provider);
  return `${action} for ${applied.pct}% of messages, ${rest} for the rest`;
}

function describeDisposition(policy: DmarcPolicy, provider: Provider): string {
  // Exchange Online: https://learn.microsoft.com/defender-office-365/email-authentication-dmarc-configure
  // Gmail: https://support.google.com/a/answer/2466580
  if (policy === 'reject') {
    if (provider === 'exchange-online') return 'reject (550 5.7.509 at Exchange Online)';
    if (provider === 'google') return 'reject (550 5.7.26 at Gmail)';
    return 'reject';
  }
  if (policy === 'quarantine') {
    if (provider === 'exchange-online')
      return 'quarantine (Junk Email or quarantine at Exchange Online)';
    if (provider === 'google') return 'quarantine (spam folder at Gmail)';
    return 'quarantine';
  }
  return 'deliver';
}
