import type { GetEmailIdentityResponse } from '@aws-sdk/client-sesv2';

/** The DKIM signatures SES adds, and why the identity's own one is missing when it is. */
export interface DkimPrediction {
  /** Signing domains (d=) in the order SES adds them. */
  signatures: string[];
  /** Set when no signature with d=<identity domain> is added. */
  missing?: string;
  found: string;
}

/**
 * SES always adds a signature with d=amazonses.com; it adds one with d=<identity domain>
 * only while the identity's DKIM status is SUCCESS and signing is enabled in that region.
 * https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html
 */
export function predictDkim(
  identity: GetEmailIdentityResponse,
  identityDomain: string,
  region: string,
): DkimPrediction {
  const dkim = identity.DkimAttributes;
  const status = dkim?.Status ?? 'NOT_STARTED';
  const found = `DKIM Status ${status}, SigningEnabled ${dkim?.SigningEnabled ?? false}`;

  if (status !== 'SUCCESS') {
    return { signatures: ['amazonses.com'], missing: `DKIM is ${status} in ${region}`, found };
  }
  if (!dkim?.SigningEnabled) {
    return {
      signatures: ['amazonses.com'],
      missing: `DKIM signing is disabled in ${region}`,
      found,
    };
  }
  return { signatures: [identityDomain, 'amazonses.com'], found };
}
