import { MailspecError, type SourceLocation } from '../errors.js';
import type { DomainExpectation, Expectations } from './schema.js';

type Locate = (path: readonly (string | number)[]) => SourceLocation;

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

/**
 * What SES refuses or the audit cannot use: a MAIL FROM domain outside the identity's own
 * domain (SES takes only a subdomain of it), and a per-region entry for a region the domain
 * is not sent from (a misspelt region would otherwise be silently unused).
 */
export function mailFromProblems(expectations: Expectations, locate: Locate): MailspecError[] {
  const problems: MailspecError[] = [];
  expectations.domains.forEach((domain, index) => {
    const declared = domain.mail_from;
    if (!declared) return;
    const at = `domains[${index}].mail_from`;
    const named: [(string | number)[], string, string][] = [
      [['domain'], `${at}.domain`, declared.domain],
      ...Object.entries(declared.regions ?? {}).map(
        ([region, name]): [(string | number)[], string, string] => [
          ['regions', region],
          `${at}.regions.${region}`,
          name,
        ],
      ),
    ];
    for (const [path, shown, name] of named) {
      if (name.endsWith(`.${domain.domain}`)) continue;
      problems.push(
        invalid(
          `${shown}: ${name} is not a subdomain of ${domain.domain}; SES takes a MAIL FROM domain under the identity's own domain`,
          locate(['domains', index, 'mail_from', ...path]),
        ),
      );
    }
    for (const region of Object.keys(declared.regions ?? {})) {
      if (domain.regions.includes(region)) continue;
      problems.push(
        invalid(
          `${at}.regions.${region}: ${region} is not one of the regions ${domain.domain} is sent from (${domain.regions.join(', ')})`,
          locate(['domains', index, 'mail_from', 'regions', region]),
        ),
      );
    }
  });
  return problems;
}

function invalid(message: string, location: SourceLocation): MailspecError {
  return new MailspecError('MAILSPEC_CONFIG_INVALID', message, location);
}
