import { mailFromDomains } from '../../src/config/mail-from.js';
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import type { GetEmailIdentityResponse } from '@aws-sdk/client-sesv2';
import { describeFailure, type AwsResult } from '../../src/aws/gateway.js';
import {
  collectIdentity,
  easyDkimTokens,
  identityAnswer,
  type IdentityFacts,
} from '../../src/collect/identity.js';
import { field, text } from '../../src/collect/fields.js';
import {
  collectHostedZone,
  collectZoneRecords,
  zoneValues,
  type HostedZoneFacts,
} from '../../src/collect/route53.js';
import {
  describeStatus,
  isUndecided,
  joinedTxt,
  mxRecords,
  names,
  type DnsAnswer,
} from '../../src/dns/answer.js';
import { defineCheck, fail, inconclusive, pass, type SubjectOf } from '../../src/engine/check.js';
import type { AuditContext } from '../../src/engine/context.js';
import type { Outcome } from '../../src/types.js';

/** One record the other checks rely on, and what public DNS answered for it. */
export interface ReliedRecord {
  name: string;
  type: 'CNAME' | 'MX' | 'TXT';
  /** TXT records that matter here start with this tag (`v=spf1`, `v=DMARC1`). */
  tag?: string;
  answer: DnsAnswer;
}

export interface ZoneMatchFacts {
  zone: HostedZoneFacts;
  records?: AwsResult<ResourceRecordSet[]>;
  identities: { region: string; identity: IdentityFacts }[];
  relied: ReliedRecord[];
}

/**
 * Passes when the hosted zone and public DNS hold the same DKIM CNAMEs, MAIL FROM MX and
 * TXT, SPF and DMARC records; records absent from both are left to the checks that
 * require them.
 */
export default defineCheck({
  meta: {
    id: 'route53.zone-matches-dns',
    layer: 'dns',
    severity: 'high',
    group: 'Route 53',
    title: 'hosted zone and public DNS hold the same records',
    remediation:
      'Make the record in the hosted zone and the one public DNS serves the same: fix the delegation if DNS follows another zone or provider, or wait out the TTL after a change.',
    reference:
      'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/troubleshooting-new-dns-settings-not-in-effect.html',
  },
  scope: 'domain',
  appliesTo: (subject) => subject.domain.route53 !== undefined,
  collect: collectZoneMatch,
  evaluate({ domain: { domain } }, facts: ZoneMatchFacts) {
    const { zone, records } = facts;
    if (!zone.ok && zone.missing) {
      return inconclusive(`the records of ${domain} cannot be compared: ${zone.reason}`);
    }
    if (!zone.ok) {
      const reason = describeFailure(zone.failure);
      return inconclusive(`the Route 53 hosted zone of ${domain} could not be read: ${reason}`);
    }
    if (!records?.ok) {
      const reason = records ? describeFailure(records) : 'not read';
      return inconclusive(
        `the records of hosted zone ${zone.zone.id} could not be read: ${reason}`,
      );
    }

    const id = zone.zone.id;
    const outcomes: Outcome[] = facts.identities.flatMap(({ region, identity }) => {
      const item = `DKIM tokens ${region}`;
      if (!identity.ok && identity.kind === 'not-found') return [];
      const why = identity.ok ? identityProblem(identity.value) : describeFailure(identity);
      if (why === undefined) return [];
      const message = identity.ok
        ? `${identityAnswer(domain, region)} has ${why}`
        : `the DKIM tokens of ${domain} in ${region} could not be read: ${why}`;
      return [inconclusive(message, { item })];
    });

    let compared = 0;
    for (const record of facts.relied) {
      const item = `${record.type} ${record.name}`;
      const held = tagged(zoneValues(records.value, record.name, record.type), record.tag);
      if (isUndecided(record.answer)) {
        outcomes.push(
          inconclusive(`${item} could not be resolved (${describeStatus(record.answer)})`, {
            item,
          }),
        );
        continue;
      }
      const served = tagged(dnsValues(record.answer), record.tag);
      if (held.length === 0 && served.length === 0) continue;
      compared++;
      if (sameSet(held, served)) continue;

      const zoneText = held.length > 0 ? quoted(held) : `no ${record.type} record`;
      const dnsText = served.length > 0 ? quoted(served) : describeStatus(record.answer);
      outcomes.push(
        fail(
          `${item} differs between hosted zone ${id} and public DNS: the zone holds ${zoneText}, DNS answers ${dnsText}`,
          { item, expected: `the zone's ${zoneText}`, found: `DNS: ${dnsText}` },
        ),
      );
    }

    if (outcomes.length > 0) return outcomes;
    return pass(
      `hosted zone ${id} and public DNS agree on the ${compared} record(s) ${domain} relies on`,
    );
  },
});

async function collectZoneMatch(
  subject: SubjectOf<'domain'>,
  ctx: AuditContext,
): Promise<ZoneMatchFacts> {
  const { domain } = subject;
  const zone = await collectHostedZone(ctx, domain);
  const identities = await Promise.all(
    domain.regions.map(async (region) => ({
      region,
      identity: await collectIdentity(ctx, domain.domain, region),
    })),
  );
  if (!zone.ok) return { zone, identities, relied: [] };

  const wanted = reliedNames(domain.domain, mailFromDomains(domain), identities).filter(
    ({ name }) => name === zone.zone.name || name.endsWith(`.${zone.zone.name}`),
  );
  const [records, relied] = await Promise.all([
    collectZoneRecords(ctx, zone.zone.id),
    Promise.all(
      wanted.map(async (want) => ({ ...want, answer: await ctx.dns.query(want.name, want.type) })),
    ),
  ]);
  return { zone, records, identities, relied };
}

/** The records the DKIM, MAIL FROM, SPF and DMARC checks read, without duplicates. */
function reliedNames(
  domain: string,
  declaredMailFrom: string[],
  identities: ZoneMatchFacts['identities'],
): Omit<ReliedRecord, 'answer'>[] {
  const tokens = new Set<string>();
  const mailFrom = new Set<string>(declaredMailFrom);
  for (const { identity } of identities) {
    if (!identity.ok || identityProblem(identity.value)) continue;
    // Easy DKIM tokens are CNAMEs; BYODKIM selectors are TXT records the owner publishes.
    const listed = easyDkimTokens(identity.value);
    if (listed.ok) listed.value.forEach((token) => tokens.add(token));
    const used = field(identity.value, 'MailFromAttributes.MailFromDomain', text);
    if (used.ok && used.value) mailFrom.add(used.value.toLowerCase());
  }

  return [
    ...[...tokens].map((token) => ({
      name: `${token}._domainkey.${domain}`,
      type: 'CNAME' as const,
    })),
    ...[...mailFrom].flatMap((name) => [
      { name, type: 'MX' as const },
      { name, type: 'TXT' as const, tag: 'v=spf1' },
    ]),
    { name: domain, type: 'TXT' as const, tag: 'v=spf1' },
    { name: `_dmarc.${domain}`, type: 'TXT' as const, tag: 'v=DMARC1' },
  ];
}

/** Why the tokens or MAIL FROM domain of an identity answer cannot be relied on, if so. */
function identityProblem(identity: GetEmailIdentityResponse): string | undefined {
  const tokens = easyDkimTokens(identity);
  if (!tokens.ok) return tokens.problem;
  const used = field(identity, 'MailFromAttributes.MailFromDomain', text);
  return used.ok ? undefined : used.problem;
}

function dnsValues(answer: DnsAnswer): string[] {
  if (answer.type === 'TXT') return joinedTxt(answer);
  if (answer.type === 'MX') return mxRecords(answer).map((mx) => `${mx.priority} ${mx.exchange}`);
  return names(answer);
}

function tagged(values: string[], tag: string | undefined): string[] {
  if (!tag) return values;
  return values.filter((value) => value.trim().toLowerCase().startsWith(tag.toLowerCase()));
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

function quoted(values: string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
