import type { SpfResult } from '../spf/evaluate.js';
import type { DmarcInput, DmarcPrediction } from './dmarc.js';
import type { AppliedPolicy } from './policy.js';

/**
 * What a receiver will see for a message on one path to one recipient domain, as data:
 * the row of the prediction table and the entry of the JSON report's `predictions`.
 */
export interface PathPrediction {
  path: string;
  recipient: string;
  /** The region the path sends through, and the From address it sends as. */
  region: string;
  from: string;
  /** The envelope sender (MAIL FROM) domain, and why SES fell back to its own if it did. */
  envelope: { domain: string; fallback: string | null };
  /** SPF is only evaluated for a custom MAIL FROM; SES's own domain never aligns. */
  spf: { result: SpfResult | 'not evaluated'; aligned: boolean };
  dkim: { signatures: string[]; aligned: string | null; missing: string | null };
  dmarc: 'pass' | 'fail';
  policy: AppliedPolicy;
  /** What the receiver does with the message. */
  receiver: string;
}

/** The prediction of one path and recipient, from the facts and verdict of predictDmarc. */
export function pathPrediction(
  where: { path: string; recipient: string; region: string; from: string },
  input: DmarcInput,
  prediction: DmarcPrediction,
): PathPrediction {
  const { mailFrom, spf, dkim } = input;
  return {
    ...where,
    envelope: {
      domain: mailFrom.domain,
      fallback: mailFrom.kind === 'fallback' ? mailFrom.reason : null,
    },
    spf: { result: spf ?? 'not evaluated', aligned: prediction.spfAligned },
    dkim: {
      signatures: dkim.signatures,
      aligned: prediction.alignedDkim ?? null,
      missing: dkim.missing ?? null,
    },
    dmarc: prediction.verdict,
    policy: prediction.applied,
    receiver: prediction.verdict === 'pass' ? 'deliver (DMARC pass)' : prediction.action,
  };
}

/** The prediction as label-value lines, for the `found` of the check's outcome. */
export function predictionLines(row: PathPrediction): string {
  const { envelope, dkim } = row;
  const lines = [
    ['region', row.region],
    [
      'MAIL FROM',
      `${envelope.domain}${envelope.fallback ? ` (fallback: ${envelope.fallback})` : ''}`,
    ],
    ['SPF', describeSpf(row)],
    [
      'DKIM',
      `${describeDkim(row)}${dkim.missing ? `; own signature missing: ${dkim.missing}` : ''}`,
    ],
    ['DMARC', `${row.dmarc}; ${describePolicy(row)}`],
    ['receiver', row.receiver],
  ];
  return lines.map(([label, value]) => `${label.padEnd(10)} ${value}`).join('\n');
}

export function describeSpf({ spf }: PathPrediction): string {
  return `${spf.result}, ${spf.aligned ? 'aligned' : 'not aligned'}`;
}

export function describeDkim({ dkim }: PathPrediction): string {
  const signatures = dkim.signatures.map((d) => `d=${d}`).join(', ');
  return `${signatures}: ${dkim.aligned ? 'aligned' : 'not aligned'}`;
}

export function describePolicy({ policy }: PathPrediction): string {
  return `${policy.tag}=${policy.policy} pct=${policy.pct}`;
}
