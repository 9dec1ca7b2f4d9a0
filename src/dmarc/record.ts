/**
 * A DMARC policy record (RFC 7489 section 6.3) in the parts mailspec judges. Tags the RFC
 * defines but mailspec does not use (fo, rf, ri, ruf) are kept in `tags` only.
 */
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';
export type AlignmentMode = 'relaxed' | 'strict';

export interface DmarcRecord {
  policy: DmarcPolicy;
  /** `sp`, the policy for subdomains of the domain holding the record; `p` when absent. */
  subdomainPolicy: DmarcPolicy;
  /** Percentage of failing messages the policy applies to (0-100, default 100). */
  pct: number;
  adkim: AlignmentMode;
  aspf: AlignmentMode;
  /** Aggregate report destinations (`rua`), as URIs. */
  rua: string[];
  tags: Record<string, string>;
}

export type ParsedDmarc = { ok: true; record: DmarcRecord } | { ok: false; reason: string };

export const POLICY_STRENGTH: Record<DmarcPolicy, number> = { none: 0, quarantine: 1, reject: 2 };

/** True when a TXT string is meant as a DMARC record: it starts with the version tag. */
export function isDmarcRecord(text: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/.test(text.trim());
}

/** Parses a DMARC record; `v=DMARC1` must come first and `p` must be a known policy. */
export function parseDmarcRecord(text: string): ParsedDmarc {
  if (!isDmarcRecord(text)) return { ok: false, reason: 'it does not start with v=DMARC1' };

  const tags: Record<string, string> = {};
  for (const part of text.split(';')) {
    const match = /^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (match) tags[match[1].toLowerCase()] = match[2];
  }

  const policy = asPolicy(tags.p);
  // Section 6.6.3: a record without a valid p is ignored unless rua is present; mailspec
  // treats it as invalid either way, since no receiver will enforce anything from it.
  if (!policy) return { ok: false, reason: `p=${tags.p ?? '(missing)'} is not a policy` };
  const subdomainPolicy = tags.sp === undefined ? policy : asPolicy(tags.sp);
  if (!subdomainPolicy) return { ok: false, reason: `sp=${tags.sp} is not a policy` };

  const pct = tags.pct === undefined ? 100 : Number(tags.pct);
  if (!Number.isInteger(pct) || pct < 0 || pct > 100) {
    return { ok: false, reason: `pct=${tags.pct} is not a whole number from 0 to 100` };
  }

  return {
    ok: true,
    record: {
      policy,
      subdomainPolicy,
      pct,
      adkim: tags.adkim?.toLowerCase() === 's' ? 'strict' : 'relaxed',
      aspf: tags.aspf?.toLowerCase() === 's' ? 'strict' : 'relaxed',
      rua: (tags.rua ?? '')
        .split(',')
        .map((uri) => uri.trim())
        .filter(Boolean),
      tags,
    },
  };
}

function asPolicy(value: string | undefined): DmarcPolicy | undefined {
  const lower = value?.toLowerCase();
  return lower === 'none' || lower === 'quarantine' || lower === 'reject' ? lower : undefined;
}

/** The mailbox domain of a `mailto:` report URI (size suffix `!10m` dropped), if it is one. */
export function reportDestinationDomain(uri: string): string | undefined {
  const match = /^mailto:[^@]+@([^!?]+)/i.exec(uri.trim());
  return match?.[1].toLowerCase().replace(/\.$/, '');
}
