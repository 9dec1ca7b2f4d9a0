import type { GetEmailIdentityResponse } from '@aws-sdk/client-sesv2';

/** The envelope sender (MAIL FROM) domain SES will use, or why SES refuses to send. */
export type MailFromPrediction =
  | { kind: 'custom'; domain: string; found: string }
  | { kind: 'fallback'; domain: string; reason: string; found: string }
  | { kind: 'refused'; domain: string; reason: string; found: string };

/**
 * SES's default envelope sender domain in a region: amazonses.com in us-east-1, a regional
 * subdomain elsewhere. Never aligned with a customer's From domain.
 * https://docs.aws.amazon.com/ses/latest/dg/mail-from.html
 */
export function defaultMailFromDomain(region: string): string {
  return region === 'us-east-1' ? 'amazonses.com' : `${region}.amazonses.com`;
}

/**
 * A custom MAIL FROM domain is used only while its status is SUCCESS in that region.
 * Otherwise BehaviorOnMxFailure decides: USE_DEFAULT_VALUE falls back to amazonses.com,
 * REJECT_MESSAGE makes SES refuse the send (MailFromDomainNotVerified).
 * https://docs.aws.amazon.com/ses/latest/dg/mail-from.html#mail-from-overview
 */
export function predictMailFrom(
  identity: GetEmailIdentityResponse,
  region: string,
): MailFromPrediction {
  const fallback = defaultMailFromDomain(region);
  const attributes = identity.MailFromAttributes;
  const custom = attributes?.MailFromDomain;
  if (!custom) {
    return {
      kind: 'fallback',
      domain: fallback,
      reason: `no custom MAIL FROM is set in ${region}`,
      found: 'MailFromDomain (none)',
    };
  }

  const status = attributes.MailFromDomainStatus ?? 'PENDING';
  const behavior = attributes.BehaviorOnMxFailure ?? 'USE_DEFAULT_VALUE';
  const found = `MailFromDomain ${custom}, MailFromDomainStatus ${status}, BehaviorOnMxFailure ${behavior}`;
  if (status === 'SUCCESS') return { kind: 'custom', domain: custom, found };

  const reason = `custom MAIL FROM ${custom} is ${status} in ${region}`;
  if (behavior === 'REJECT_MESSAGE') {
    return {
      kind: 'refused',
      domain: custom,
      reason: `${reason} and BehaviorOnMxFailure is REJECT_MESSAGE`,
      found,
    };
  }
  return { kind: 'fallback', domain: fallback, reason, found };
}
