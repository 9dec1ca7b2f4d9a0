import type { Expectations } from '../config/schema.js';
import type { Scope, Subject } from './check.js';

/** Every subject the expectations declare, in declaration order, for one scope. */
export function subjectsFor(expectations: Expectations, scope: Scope): Subject[] {
  switch (scope) {
    case 'domain':
      return expectations.domains.map((domain, i) => ({ scope, domain, path: ['domains', i] }));
    case 'domain-region':
      return expectations.domains.flatMap((domain, i) =>
        domain.regions.map((region, r) => ({
          scope,
          domain,
          region,
          path: ['domains', i, 'regions', r],
        })),
      );
    case 'region':
      return declaredRegions(expectations).map((region) => ({
        scope,
        region,
        expectation: expectations.regions?.[region],
        path: expectations.regions?.[region]
          ? ['regions', region]
          : firstMention(expectations, region),
      }));
    case 'path':
      return expectations.sending_paths.map((sendingPath, i) => ({
        scope,
        sendingPath,
        path: ['sending_paths', i],
      }));
    case 'recipient':
      return expectations.recipients.map((recipient, i) => ({
        scope,
        recipient,
        path: ['recipients', i],
      }));
    case 'path-recipient':
      return expectations.sending_paths.flatMap((sendingPath, i) =>
        expectations.recipients
          .filter((recipient) => sendingPath.sends_to.includes(recipient.domain))
          .map((recipient) => ({
            scope,
            sendingPath,
            recipient,
            path: ['sending_paths', i, 'sends_to', sendingPath.sends_to.indexOf(recipient.domain)],
          })),
      );
  }
}

/** Regions named anywhere: under domains, under regions, or by a sending path. */
export function declaredRegions(expectations: Expectations): string[] {
  const regions = new Set<string>();
  for (const domain of expectations.domains) domain.regions.forEach((r) => regions.add(r));
  Object.keys(expectations.regions ?? {}).forEach((r) => regions.add(r));
  for (const path of expectations.sending_paths) if (path.region) regions.add(path.region);
  return [...regions];
}

function firstMention(expectations: Expectations, region: string): (string | number)[] {
  for (const [i, domain] of expectations.domains.entries()) {
    const r = domain.regions.indexOf(region);
    if (r >= 0) return ['domains', i, 'regions', r];
  }
  const p = expectations.sending_paths.findIndex((path) => path.region === region);
  return p >= 0 ? ['sending_paths', p, 'region'] : [];
}

/** The words a subject shows as in test names and reports. */
export function subjectName(subject: Subject): { subject: string; region?: string } {
  switch (subject.scope) {
    case 'domain':
      return { subject: subject.domain.domain };
    case 'domain-region':
      return { subject: subject.domain.domain, region: subject.region };
    case 'region':
      return { subject: 'account', region: subject.region };
    case 'path':
      return { subject: subject.sendingPath.name, region: pathRegion(subject.sendingPath) };
    case 'path-recipient':
      return { subject: `${subject.sendingPath.name} → ${subject.recipient.domain}` };
    case 'recipient':
      return { subject: subject.recipient.domain };
  }
}

/**
 * The region a path is shown under: the declared one, else the Lambda's own. A Lambda may
 * send through another region (its region variable), so every path message names the
 * region it sends through.
 */
function pathRegion(path: Expectations['sending_paths'][number]): string | undefined {
  return path.region ?? (path.kind === 'ses-api' ? path.lambda?.region : undefined);
}
