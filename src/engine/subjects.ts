import type { Expectations, RecipientExpectation } from '../config/schema.js';
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
      return recipientsOf(expectations).map(({ recipient, path }) => ({
        scope,
        recipient,
        path,
      }));
    case 'path-recipient': {
      const recipients = recipientsOf(expectations);
      return expectations.sending_paths.flatMap((sendingPath, i) =>
        sendingPath.sends_to.flatMap((domain, j) => {
          const found = recipients.find(({ recipient }) => recipient.domain === domain);
          const path = ['sending_paths', i, 'sends_to', j];
          const first = sendingPath.sends_to.indexOf(domain) === j;
          return found && first ? [{ scope, sendingPath, recipient: found.recipient, path }] : [];
        }),
      );
    }
  }
}

/**
 * The declared recipients, then every domain a path sends to that is not declared, with the
 * defaults a declaration would get (DMARC pass required, provider detected from its MX):
 * a path's recipient is never left without a prediction because nobody wrote it down twice.
 * An undeclared one is located at its first `sends_to` mention.
 */
function recipientsOf(
  expectations: Expectations,
): { recipient: RecipientExpectation; path: (string | number)[] }[] {
  const recipients = expectations.recipients.map((recipient, i) => ({
    recipient,
    path: ['recipients', i] as (string | number)[],
  }));
  for (const [i, sendingPath] of expectations.sending_paths.entries()) {
    for (const [j, domain] of sendingPath.sends_to.entries()) {
      if (recipients.some(({ recipient }) => recipient.domain === domain)) continue;
      const recipient: RecipientExpectation = { domain, requires: 'dmarc-pass' };
      recipients.push({ recipient, path: ['sending_paths', i, 'sends_to', j] });
    }
  }
  return recipients;
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

/**
 * The key path a finding points at: the check's own key under the subject's declaration
 * when it names one (`credential.username`), else where the outcome's item is written under
 * it (a must-reach address), else the declaration itself. A finding about one address then
 * names the line of that address, not the region that lists it.
 */
export function findingPath(
  subject: Subject,
  expectations: Expectations,
  narrower: { keyPath?: (string | number)[]; item?: string },
): (string | number)[] {
  if (narrower.keyPath) return [...subject.path, ...narrower.keyPath];
  const declared = subject.path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    expectations,
  );
  const item = narrower.item === undefined ? undefined : pathOfValue(declared, narrower.item);
  return item ? [...subject.path, ...item] : subject.path;
}

function pathOfValue(node: unknown, value: string): (string | number)[] | undefined {
  if (node === value) return [];
  if (!node || typeof node !== 'object') return undefined;
  const entries = Array.isArray(node) ? node.entries() : Object.entries(node);
  for (const [key, child] of entries) {
    const found = pathOfValue(child, value);
    if (found) return [key, ...found];
  }
  return undefined;
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
