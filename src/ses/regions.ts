import { closest } from 'fastest-levenshtein';

/**
 * Regions where Amazon SES offers email sending, from the SES endpoints page
 * (https://docs.aws.amazon.com/general/latest/gr/ses.html). A region outside this list is
 * almost always a typo, and the loader says which name was probably meant.
 */
export const SES_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
] as const;

export type SesRegion = (typeof SES_REGIONS)[number];

export function isSesRegion(name: string): name is SesRegion {
  return (SES_REGIONS as readonly string[]).includes(name);
}

export function nearestRegion(name: string): string {
  return closest(name, SES_REGIONS as unknown as string[]);
}

/**
 * Easy DKIM CNAME targets. Most regions use `<token>.dkim.amazonses.com`; regions opened
 * later publish regional targets (`<token>.dkim.<region>.amazonses.com`), per the SES
 * "Easy DKIM" page. Kept as data so a new region is a one-line change.
 */
const REGIONAL_DKIM_REGIONS = new Set([
  'af-south-1',
  'ap-northeast-3',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'us-gov-east-1',
]);

export function dkimTargetDomain(region: string): string {
  return REGIONAL_DKIM_REGIONS.has(region) ? `dkim.${region}.amazonses.com` : 'dkim.amazonses.com';
}

/** The MX a custom MAIL FROM domain must point at in a region (SES "MAIL FROM" page). */
export function feedbackMx(region: string): string {
  return `feedback-smtp.${region}.amazonses.com`;
}

/** SES SMTP interface endpoint of a region. */
export function smtpEndpoint(region: string): string {
  return `email-smtp.${region}.amazonaws.com`;
}

/** The SPF include that authorizes SES's sending addresses for a MAIL FROM domain. */
export const SES_SPF_INCLUDE = 'amazonses.com';
