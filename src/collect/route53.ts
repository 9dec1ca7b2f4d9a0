import type {
  GetHostedZoneResponse,
  HostedZone,
  ListHostedZonesByNameResponse,
  ListResourceRecordSetsResponse,
  ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import type { AwsResult } from '../aws/gateway.js';
import type { DomainExpectation } from '../config/schema.js';
import type { AuditContext } from '../engine/context.js';
import { bool, field, fields, objects, text, unusableAnswer } from './fields.js';

/** A hosted zone as the checks need it: where it is and which name servers serve it. */
export interface ZoneFacts {
  id: string;
  name: string;
  private: boolean;
  nameServers: string[];
}

/**
 * The hosted zone of a domain: the one declared by id, or with `auto` the zone named like
 * the domain (the public one when a private zone shares the name). `others` are further
 * public zones of the same name: a duplicate or leftover zone is the classic invisible fault.
 */
export type HostedZoneFacts =
  | { ok: true; zone: ZoneFacts; others: ZoneFacts[] }
  | { ok: false; missing: true; reason: string }
  | { ok: false; missing: false; reason: string; failure: Failure };

type Failure = Extract<AwsResult<unknown>, { ok: false }>;

/** `/hostedzone/Z123` and `Z123` name the same zone; recordings keep the bare id. */
export function bareZoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, '');
}

export function collectHostedZone(
  ctx: AuditContext,
  domain: DomainExpectation,
): Promise<HostedZoneFacts> {
  const declared = domain.route53?.hosted_zone ?? 'auto';
  return ctx.memo(`route53 zone ${domain.domain} ${declared}`, async () => {
    if (declared !== 'auto') {
      const zone = await getZone(ctx, bareZoneId(declared));
      if (!zone.ok) return zone;
      return { ok: true, zone: zone.zone, others: [] };
    }
    return findZoneByName(ctx, domain.domain);
  });
}

async function getZone(
  ctx: AuditContext,
  id: string,
): Promise<{ ok: true; zone: ZoneFacts } | Extract<HostedZoneFacts, { ok: false }>> {
  const result = await ctx.aws.call<GetHostedZoneResponse>(
    'route53',
    'us-east-1',
    'GetHostedZone',
    {
      Id: id,
    },
  );
  if (!result.ok && result.kind === 'not-found') {
    return { ok: false, missing: true, reason: `hosted zone ${id} does not exist` };
  }
  if (!result.ok) return { ok: false, missing: false, reason: id, failure: result };
  return { ok: true, zone: toZoneFacts(result.value.HostedZone!, result.value) };
}

/**
 * ListHostedZonesByName lists zones in name order starting at the given name, so the zones
 * named exactly like the domain come first (Route 53 API reference, ListHostedZonesByName).
 */
async function findZoneByName(ctx: AuditContext, domain: string): Promise<HostedZoneFacts> {
  const listed = await ctx.aws.call<ListHostedZonesByNameResponse>(
    'route53',
    'us-east-1',
    'ListHostedZonesByName',
    { DNSName: domain },
  );
  if (!listed.ok) return { ok: false, missing: false, reason: domain, failure: listed };

  const named = (listed.value.HostedZones ?? []).filter(
    (zone) => dnsName(zone.Name ?? '') === domain,
  );
  const ordered = [
    ...named.filter((zone) => !zone.Config?.PrivateZone),
    ...named.filter((zone) => zone.Config?.PrivateZone),
  ];
  if (ordered.length === 0) {
    return { ok: false, missing: true, reason: `no hosted zone is named ${domain}` };
  }

  const zones: ZoneFacts[] = [];
  for (const summary of ordered.filter((zone, i) => i === 0 || !zone.Config?.PrivateZone)) {
    const zone = await getZone(ctx, bareZoneId(summary.Id ?? ''));
    if (!zone.ok) return zone;
    zones.push(zone.zone);
  }
  return { ok: true, zone: zones[0], others: zones.slice(1) };
}

function toZoneFacts(zone: HostedZone, response: GetHostedZoneResponse): ZoneFacts {
  return {
    id: bareZoneId(zone.Id ?? ''),
    name: dnsName(zone.Name ?? ''),
    private: zone.Config?.PrivateZone ?? false,
    nameServers: (response.DelegationSet?.NameServers ?? []).map(dnsName).sort(),
  };
}

/** Every record set of a zone, following `NextRecordName`/`NextRecordType` to the last page. */
export function collectZoneRecords(
  ctx: AuditContext,
  zoneId: string,
): Promise<AwsResult<ResourceRecordSet[]>> {
  return ctx.memo(`route53 records ${zoneId}`, async () => {
    const records: ResourceRecordSet[] = [];
    const seen = new Set<string>();
    let next: Record<string, string> = {};
    for (;;) {
      const page = await ctx.aws.call<ListResourceRecordSetsResponse>(
        'route53',
        'us-east-1',
        'ListResourceRecordSets',
        { HostedZoneId: zoneId, ...next },
      );
      if (!page.ok) return page;
      const problem = recordSetsProblem(page.value);
      const answer = `ListResourceRecordSets answer for hosted zone ${zoneId}`;
      if (problem) return unusableAnswer(PERMISSION, `${answer} has ${problem}`);
      records.push(...(page.value.ResourceRecordSets ?? []));
      if (!page.value.IsTruncated || !page.value.NextRecordName) break;
      next = {
        StartRecordName: page.value.NextRecordName,
        ...(page.value.NextRecordType ? { StartRecordType: page.value.NextRecordType } : {}),
        ...(page.value.NextRecordIdentifier
          ? { StartRecordIdentifier: page.value.NextRecordIdentifier }
          : {}),
      };
      // The gateway memoises by input, so a start served twice would loop forever.
      const start = JSON.stringify(next);
      if (seen.has(start)) return unusableAnswer(PERMISSION, `${answer} repeats the page ${start}`);
      seen.add(start);
    }
    return { ok: true, value: records };
  });
}

const PERMISSION = 'route53:ListResourceRecordSets';

/** The first field the comparison relies on that does not have its documented type. */
function recordSetsProblem(page: ListResourceRecordSetsResponse): string | undefined {
  const read = fields(page, {
    sets: ['ResourceRecordSets', objects],
    truncated: ['IsTruncated', bool],
    name: ['NextRecordName', text],
    type: ['NextRecordType', text],
    identifier: ['NextRecordIdentifier', text],
  });
  if (!read.ok) return read.problem;

  for (const [index, set] of (read.value.sets ?? []).entries()) {
    const one = fields(set, {
      name: ['Name', text],
      type: ['Type', text],
      values: ['ResourceRecords', objects],
    });
    if (!one.ok) return `ResourceRecordSets[${index}].${one.problem}`;
    for (const [at, record] of (one.value.values ?? []).entries()) {
      const value = field(record, 'Value', text);
      if (!value.ok) return `ResourceRecordSets[${index}].ResourceRecords[${at}].${value.problem}`;
    }
  }
  return undefined;
}

/**
 * Route 53 writes names absolute with a trailing dot and escapes some characters as `\NNN`
 * octal (Route 53 developer guide, "DNS domain name format"); DNS answers show them plain.
 */
export function dnsName(name: string): string {
  return name
    .replace(/\\(\d{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))
    .toLowerCase()
    .replace(/\.$/, '');
}

/**
 * The values a zone holds at one name and type, in the form DNS answers show them: CNAME
 * and NS as names, MX as "priority exchange", TXT with its character-strings joined
 * (Route 53 stores TXT as quoted strings, with `\"` and `\NNN` escapes).
 */
export function zoneValues(records: ResourceRecordSet[], name: string, type: string): string[] {
  return records
    .filter((set) => dnsName(set.Name ?? '') === name && set.Type === type)
    .flatMap((set) => (set.ResourceRecords ?? []).map((record) => record.Value ?? ''))
    .map((value) => {
      if (type === 'TXT') return txtChunks(value).join('');
      if (type === 'MX') {
        const [priority, exchange = ''] = value.trim().split(/\s+/);
        return `${priority} ${dnsName(exchange)}`;
      }
      return dnsName(value);
    });
}

function txtChunks(value: string): string[] {
  const chunks = [...value.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) =>
    match[1].replace(/\\(\d{3}|.)/g, (_, escaped: string) =>
      /^\d{3}$/.test(escaped) ? String.fromCharCode(parseInt(escaped, 8)) : escaped,
    ),
  );
  return chunks.length > 0 ? chunks : [value];
}
