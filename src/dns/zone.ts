import type { DnsType } from './answer.js';

/**
 * A fixture zone: the records a loopback DNS server answers with. Names are absolute and
 * lowercase without the trailing dot. `rcode` entries make a name fail on purpose
 * (SERVFAIL, REFUSED) or never answer (TIMEOUT), so tests can reach every status.
 */
export interface ZoneRecord {
  name: string;
  type: DnsType | 'SPF';
  /** TXT: one string or the list of character-strings of one record. MX: exchange+priority. */
  data?: string | string[] | { exchange: string; priority: number };
  ttl?: number;
  rcode?: 'SERVFAIL' | 'REFUSED' | 'TIMEOUT';
  /** The name exists without records of this type (NODATA), as a recording observed it. */
  nodata?: true;
}

export type ZoneResponse =
  | { rcode: 'NOERROR' | 'NXDOMAIN'; answers: ZoneRecord[] }
  | { rcode: 'SERVFAIL' | 'REFUSED' }
  | { rcode: 'TIMEOUT' };

/** An in-memory zone that answers with the semantics of an authoritative server. */
export class Zone {
  private readonly byName = new Map<string, ZoneRecord[]>();
  private readonly existing = new Set<string>();

  constructor(records: ZoneRecord[]) {
    for (const record of records) this.add(record);
  }

  add(record: ZoneRecord): void {
    const name = normaliseName(record.name);
    const list = this.byName.get(name) ?? [];
    list.push({ ...record, name });
    this.byName.set(name, list);

    // Every ancestor of a name exists (an empty non-terminal answers NODATA, not NXDOMAIN).
    const labels = name.split('.');
    for (let i = 0; i < labels.length; i++) this.existing.add(labels.slice(i).join('.'));
  }

  answer(qname: string, qtype: string): ZoneResponse {
    let name = normaliseName(qname);
    const answers: ZoneRecord[] = [];

    // Follow CNAMEs inside the zone, as a recursive resolver would, at most 8 steps.
    for (let step = 0; step < 8; step++) {
      const records = this.byName.get(name) ?? [];
      const failure = records.find((r) => r.rcode && (r.type === qtype || r.type === 'CNAME'));
      if (failure?.rcode) return { rcode: failure.rcode };

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
}

export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
