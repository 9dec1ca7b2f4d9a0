import type { DomainExpectation } from './schema.js';

/**
 * The custom MAIL FROM domain expected in one region: the region's own under
 * `mail_from.regions`, else `mail_from.domain`. Its MX must name that region's feedback
 * endpoint, so one MAIL FROM domain can serve one region only.
 * https://docs.aws.amazon.com/ses/latest/dg/mail-from.html
 */
export function mailFromFor(domain: DomainExpectation, region: string): string | undefined {
  const declared = domain.mail_from;
  if (!declared) return undefined;
  return declared.regions?.[region] ?? declared.domain;
}

/** Every MAIL FROM domain the expectation declares over its regions, each once. */
export function mailFromDomains(domain: DomainExpectation): string[] {
  return [...new Set(domain.regions.flatMap((region) => mailFromFor(domain, region) ?? []))];
}
