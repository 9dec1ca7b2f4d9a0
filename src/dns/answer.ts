/**
 * A DNS answer as the checks see it. NXDOMAIN (the name does not exist), NODATA (the name
 * exists, without records of that type), SERVFAIL and timeout stay distinct all the way to
 * the report: the first two are facts, the last two mean "could not check".
 */
export type DnsType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'TXT' | 'PTR' | 'SOA';

export type DnsStatus = 'ok' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'refused' | 'error';

export interface MxRecord {
  exchange: string;
  priority: number;
}

export interface DnsAnswer {
  name: string;
  type: DnsType;
  status: DnsStatus;
  /**
   * Records in presentation form: A/AAAA/CNAME/NS/PTR as names or addresses (lowercase, no
   * trailing dot), TXT as the character-strings of each record, MX as exchange + priority.
   */
  records: string[] | string[][] | MxRecord[];
  /** The resolver's own words when status is not ok. */
  detail?: string;
  /**
   * A replay's REFUSED for a name outside every zone the recording holds (src/dns/replay-dns.ts):
   * the recording lacks the name, no server refused it.
   */
  unrecorded?: true;
}

/** True when the answer proves absence: the name or the type is not there. */
export function isAbsent(answer: DnsAnswer): boolean {
  return answer.status === 'nxdomain' || answer.status === 'nodata';
}

/** True when the resolver failed to say anything either way. */
export function isUndecided(answer: DnsAnswer): boolean {
  return !isAbsent(answer) && answer.status !== 'ok';
}

/** How a status reads in a message: "NXDOMAIN", "no TXT record", "SERVFAIL"… */
export function describeStatus(answer: DnsAnswer): string {
  switch (answer.status) {
    case 'nxdomain':
      return 'NXDOMAIN';
    case 'nodata':
      return `no ${answer.type} record`;
    case 'servfail':
      return 'SERVFAIL';
    case 'timeout':
      return 'DNS timeout';
    case 'refused':
      return answer.unrecorded ? `the recording holds no DNS answer for ${answer.name}` : 'REFUSED';
    case 'error':
      return `DNS error${answer.detail ? `: ${answer.detail}` : ''}`;
    case 'ok':
      return `${answer.records.length} ${answer.type} record(s)`;
  }
}

/** TXT records with their strings joined with no separator (RFC 7208 section 3.3). */
export function joinedTxt(answer: DnsAnswer): string[] {
  if (answer.status !== 'ok' || answer.type !== 'TXT') return [];
  return (answer.records as string[][]).map((chunks) => chunks.join(''));
}

export function names(answer: DnsAnswer): string[] {
  if (answer.status !== 'ok') return [];
  return (answer.records as string[]).map((name) => name.toLowerCase().replace(/\.$/, ''));
}

export function mxRecords(answer: DnsAnswer): MxRecord[] {
  if (answer.status !== 'ok' || answer.type !== 'MX') return [];
  return answer.records as MxRecord[];
}
