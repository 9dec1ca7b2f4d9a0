import { Resolver } from 'node:dns/promises';
import { MailspecError } from '../errors.js';
import type { DnsAnswer, DnsStatus, DnsType } from './answer.js';
import { rawQuery } from './raw-query.js';
import { DNS_SERVER_FORMAT, formatDnsServer, parseDnsServer } from './servers.js';

/** The one thing checks and collectors need from DNS. Tests and the benchmark pass fakes. */
export interface DnsLookup {
  query(name: string, type: DnsType): Promise<DnsAnswer>;
}

export interface ResolverOptions {
  /** `host` or `host:port` (IPv6 as `[addr]:port`); empty means the system's resolvers. */
  servers?: string[];
  timeoutMs?: number;
  tries?: number;
}

/** c-ares error codes mapped to the statuses the report distinguishes. */
const STATUS_BY_CODE: Record<string, DnsStatus> = {
  ENOTFOUND: 'nxdomain',
  ENODATA: 'nodata',
  ESERVFAIL: 'servfail',
  ETIMEOUT: 'timeout',
  EREFUSED: 'refused',
};

/** A DnsLookup over node:dns, so the same code runs against real DNS and the loopback zone. */
export function createResolver(options: ResolverOptions = {}): DnsLookup {
  const timing = { timeoutMs: options.timeoutMs ?? 3000, tries: options.tries ?? 2 };
  const resolver = new Resolver({ timeout: timing.timeoutMs, tries: timing.tries });
  if (options.servers && options.servers.length > 0)
    resolver.setServers(serverList(options.servers));

  return {
    async query(name, type) {
      const base = { name: name.toLowerCase().replace(/\.$/, ''), type };
      try {
        const raw = await resolver.resolve(base.name, type);
        return { ...base, status: 'ok', records: normalise(type, raw) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        // A name c-ares will not put on the wire (a colon, a percent sign, a space) is
        // asked by hand, from the same servers (src/dns/raw-query.ts).
        if (code === 'EBADNAME') {
          return rawQuery(base.name, type, { ...timing, servers: resolver.getServers() });
        }
        const status = STATUS_BY_CODE[code] ?? 'error';
        return { ...base, status, records: [], detail: status === 'error' ? code : undefined };
      }
    },
  };
}

function normalise(type: DnsType, raw: unknown): DnsAnswer['records'] {
  if (type === 'TXT') return raw as string[][];
  if (type === 'MX') {
    return (raw as { exchange: string; priority: number }[]).map((mx) => ({
      exchange: mx.exchange.toLowerCase().replace(/\.$/, ''),
      priority: mx.priority,
    }));
  }
  if (type === 'SOA') {
    const soa = raw as { nsname: string };
    return [soa.nsname.toLowerCase()];
  }
  return (raw as string[]).map((value) => value.toLowerCase().replace(/\.$/, ''));
}

/** Validated here too, so MAILSPEC_DNS_SERVERS gets the same one-line error as the file. */
function serverList(servers: string[]): string[] {
  return servers.map((text) => {
    const server = parseDnsServer(text);
    if (!server) {
      throw new MailspecError('MAILSPEC_USAGE', `DNS server "${text}" is not ${DNS_SERVER_FORMAT}`);
    }
    return formatDnsServer(server);
  });
}
