import { describeStatus, isUndecided, names, type DnsAnswer } from './answer.js';
import { createResolver, type DnsLookup } from './resolver.js';
import { formatDnsServer } from './servers.js';

export interface AuthoritativeOptions {
  /** The resolver that finds each zone's name servers and their addresses. */
  recursive: DnsLookup;
  /** The port the name servers listen on: 53, except in tests. */
  port?: number;
  timeoutMs?: number;
  /** Builds a lookup that asks these servers only; the default is the node:dns resolver. */
  connect?: (servers: string[]) => DnsLookup;
}

type Authority = { ok: true; zone: string; lookup: DnsLookup } | { ok: false; answer: DnsAnswer };

/** CNAME chains longer than this are reported as an error, as resolvers do. */
const MAX_ALIASES = 8;

/**
 * Asks the name servers of each name's own zone, so a change is seen as soon as it is
 * published, before the cached answers of recursive resolvers expire (RFC 1034 section
 * 4.3.1: an authoritative answer comes from the zone itself, not from a cache). The zone
 * cut is the closest enclosing name with NS records, found through the recursive resolver.
 */
export function createAuthoritativeLookup(options: AuthoritativeOptions): DnsLookup {
  const port = options.port ?? 53;
  const connect =
    options.connect ??
    ((servers: string[]) => createResolver({ servers, timeoutMs: options.timeoutMs, tries: 1 }));
  const authorities = new Map<string, Promise<Authority>>();

  const authorityFor = (name: string): Promise<Authority> => {
    let pending = authorities.get(name);
    if (!pending) {
      pending = findAuthority(name, options.recursive, port, connect);
      authorities.set(name, pending);
    }
    return pending;
  };

  return {
    async query(name, type) {
      const asked = name.toLowerCase().replace(/\.$/, '');
      let current = asked;
      for (let step = 0; step < MAX_ALIASES; step++) {
        const authority = await authorityFor(current);
        if (!authority.ok) return { ...authority.answer, name: asked, type };

        const answer = await authority.lookup.query(current, type);
        if (answer.status !== 'nodata' || type === 'CNAME') return { ...answer, name: asked };

        // An authoritative server answers a name that is an alias with the CNAME alone and
        // does not follow it into other zones (RFC 1034 section 4.3.2): follow it here.
        const alias = await authority.lookup.query(current, 'CNAME');
        if (alias.status !== 'ok') return { ...answer, name: asked };
        current = names(alias)[0];
      }
      return { name: asked, type, status: 'error', records: [], detail: 'CNAME chain too long' };
    },
  };
}

async function findAuthority(
  name: string,
  recursive: DnsLookup,
  port: number,
  connect: (servers: string[]) => DnsLookup,
): Promise<Authority> {
  const labels = name.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const zone = labels.slice(i).join('.');
    const ns = await recursive.query(zone, 'NS');
    if (isUndecided(ns)) return failed(name, `the NS records of ${zone}`, ns);
    if (ns.status !== 'ok') continue;

    const addresses = await addressesOf(names(ns), recursive);
    if (addresses.length === 0) {
      const answer = { ...ns, status: 'error' as const, records: [] };
      return {
        ok: false,
        answer: { ...answer, detail: `no address for the name servers of ${zone}` },
      };
    }
    const servers = addresses.map((host) => formatDnsServer({ host, port }));
    return { ok: true, zone, lookup: connect(servers) };
  }
  return {
    ok: false,
    answer: { name, type: 'NS', status: 'error', records: [], detail: `no zone found for ${name}` },
  };
}

async function addressesOf(servers: string[], recursive: DnsLookup): Promise<string[]> {
  const answers = await Promise.all(
    servers.flatMap((server) => [recursive.query(server, 'A'), recursive.query(server, 'AAAA')]),
  );
  return [...new Set(answers.flatMap((answer) => names(answer)))];
}

function failed(name: string, what: string, answer: DnsAnswer): Authority {
  return {
    ok: false,
    answer: {
      ...answer,
      name,
      detail: `${what} could not be resolved (${describeStatus(answer)})`,
    },
  };
}
