import { isAligned } from '../dmarc/organizational-domain.js';
import type { DmarcRecord } from '../dmarc/record.js';
import type { SpfResult } from '../spf/evaluate.js';
import type { DkimPrediction } from './dkim.js';
import type { MailFromPrediction } from './envelope.js';
import { effectivePolicy, receiverAction, type AppliedPolicy, type Provider } from './policy.js';

/** The facts a DMARC verdict is predicted from, for one path in its sending region. */
export interface DmarcInput {
  fromDomain: string;
  mailFrom: Exclude<MailFromPrediction, { kind: 'refused' }>;
  /** SPF result for the MAIL FROM domain and an SES address; absent for the amazonses.com fallback. */
  spf?: SpfResult;
  dkim: DkimPrediction;
  record: DmarcRecord;
  /** True when the record is the organizational domain's (so `sp` applies). */
  atOrganization: boolean;
  provider: Provider;
}

export interface DmarcPrediction {
  verdict: 'pass' | 'fail';
  spfAligned: boolean;
  /** The aligned DKIM signing domain, if any. */
  alignedDkim?: string;
  /** Why each mechanism does not give an aligned pass; empty when both do. */
  reasons: string[];
  applied: AppliedPolicy;
  /** What the receiver does with the message if it fails, in its own terms. */
  action: string;
}

/**
 * DMARC passes when SPF passes for an aligned MAIL FROM domain or a DKIM signature with an
 * aligned d= verifies (RFC 7489 section 4.2); alignment is relaxed or strict per aspf/adkim.
 * SES signatures are assumed to verify once their status is SUCCESS.
 */
export function predictDmarc(input: DmarcInput): DmarcPrediction {
  const { fromDomain, mailFrom, spf, dkim, record } = input;
  const reasons: string[] = [];

  const alignedDkim = dkim.signatures.find((d) => isAligned(fromDomain, d, record.adkim));
  if (!alignedDkim) reasons.push(`no aligned DKIM: ${dkimReason(input)}`);

  const mailFromAligned = isAligned(fromDomain, mailFrom.domain, record.aspf);
  const spfAligned = mailFromAligned && spf === 'pass';
  if (mailFrom.kind === 'fallback') {
    reasons.push(`MAIL FROM falls back to ${mailFrom.domain} (${mailFrom.reason})`);
  } else if (!mailFromAligned) {
    reasons.push(
      `MAIL FROM ${mailFrom.domain} does not align with ${fromDomain} (aspf=${record.aspf})`,
    );
  } else if (spf !== 'pass') {
    reasons.push(`SPF of MAIL FROM ${mailFrom.domain} is ${spf ?? 'not evaluated'} for SES`);
  }

  const applied = effectivePolicy(record, input.atOrganization);
  return {
    verdict: spfAligned || alignedDkim ? 'pass' : 'fail',
    spfAligned,
    alignedDkim,
    reasons,
    applied,
    action: receiverAction(applied, input.provider),
  };
}

function dkimReason({ dkim, fromDomain, record }: DmarcInput): string {
  if (dkim.missing) return dkim.missing;
  const own = dkim.signatures.find((d) => d !== 'amazonses.com') ?? dkim.signatures[0];
  return `d=${own} does not align with ${fromDomain} (adkim=${record.adkim})`;
}
