import { getDomain } from 'tldts';
import type { DnsType } from './answer.js';

/**
 * A fixture zone: the records a loopback DNS server answers with. Names are absolute and
 * lowercase without the trailing dot. `rcode` entries make a name fail on purpose
 * (SERVFAIL, REFUSED) or never answer (TIMEOUT), so tests can reach every status; an
 * NXDOMAIN entry records that a name was asked and did not exist, which keeps its zone served.
 */
export interface ZoneRecord {
  name: string;
  type: DnsType | 'SPF';
  /** TXT: one string or the list of character-strings of one record. MX: exchange+priority. */
  data?: string | string[] | { exchange: string; priority: number };
  ttl?: number;
  rcode?: ZoneRcode;
  /** The name exists without records of this type (NODATA), as a recording observed it. */
  nodata?: true;
}

export const ZONE_RCODES = ['SERVFAIL', 'REFUSED', 'TIMEOUT', 'NXDOMAIN'] as const;
export type ZoneRcode = (typeof ZONE_RCODES)[number];

export interface ZoneOptions {
  /**
   * Answer REFUSED for names outside the registrable domains the records name, as an
   * authoritative server without recursion does for a zone it does not serve (RFC 1035
   * section 4.1.1): a replay then says "not recorded" rather than "does not exist".
   */
  refuseOutside?: boolean;
}

export type ZoneResponse =
  | { rcode: 'NOERROR' | 'NXDOMAIN'; answers: ZoneRecord[] }
  | { rcode: 'SERVFAIL' | 'REFUSED' }
  | { rcode: 'TIMEOUT' };

/** An in-memory zone that answers with the semantics of an authoritative server. */
export class Zone {
  private readonly byName = new Map<string, ZoneRecord[]>();
  private readonly existing = new Set<string>();
  private readonly served = new Set<string>();

  constructor(
    records: ZoneRecord[],
    private readonly options: ZoneOptions = {},
  ) {
    for (const record of records) this.add(record);
  }

  add(record: ZoneRecord): void {
    const name = normaliseName(record.name);
    this.served.add(zoneOf(name));
    if (record.rcode === 'NXDOMAIN') return;

    const list = this.byName.get(name) ?? [];
    list.push({ ...record, name });
    this.byName.set(name, list);

    // Every ancestor of a name exists (an empty non-terminal answers NODATA, not NXDOMAIN).
    const labels = name.split('.');
    for (let i = 0; i < labels.length; i++) this.existing.add(labels.slice(i).join('.'));
  }

  answer(qname: string, qtype: string): ZoneResponse {
    let name = normaliseName(qname);
    if (this.options.refuseOutside && !this.serves(name)) return { rcode: 'REFUSED' };
    const answers: ZoneRecord[] = [];

    // Follow CNAMEs inside the zone, as a recursive resolver would, at most 8 steps.
    for (let step = 0; step < 8; step++) {
      const records = this.byName.get(name) ?? [];
      const failure = records.find((r) => r.rcode && (r.type === qtype || r.type === 'CNAME'));
      if (failure?.rcode && failure.rcode !== 'NXDOMAIN') return { rcode: failure.rcode };

      const matching = records.filter((r) => r.type === qtype && !r.rcode && !r.nodata);
      if (matching.length > 0) return { rcode: 'NOERROR', answers: [...answers, ...matching] };

      const alias = records.find((r) => r.type === 'CNAME' && !r.rcode && !r.nodata);
      if (!alias || qtype === 'CNAME') break;
      answers.push(alias);
      name = normaliseName(String(alias.data));
    }

    if (answers.length > 0 || this.existing.has(name)) return { rcode: 'NOERROR', answers };
    return { rcode: 'NXDOMAIN', answers: [] };
  }

  /** True when the name is at or below one of the zones the records belong to. */
  serves(name: string): boolean {
    const labels = normaliseName(name).split('.');
    return labels.some((_, i) => this.served.has(labels.slice(i).join('.')));
  }
}

/** The registrable domain of a name (tldts, Public Suffix List); a bare suffix is its own. */
function zoneOf(name: string): string {
  return getDomain(name, { allowPrivateDomains: true }) ?? name;
}

export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
