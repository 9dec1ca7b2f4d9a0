import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';
import dnsPacket from 'dns-packet';
import type { DnsAnswer, DnsStatus, DnsType } from './answer.js';
import { parseDnsServer, type DnsServer } from './servers.js';

/**
 * c-ares, behind node:dns, refuses to ask for a name holding `:`, `%`, a space and other
 * characters (EBADNAME), though a label may hold any octet (RFC 2181 section 11) and an SPF
 * domain-spec any visible character (RFC 7208 section 7.1). Such names are asked here over
 * UDP, with the servers, timeout and tries the Resolver was given, and read into the same
 * statuses; the resolver uses this only for names c-ares will not ask.
 */
export interface RawQueryOptions {
  /** As `Resolver.getServers()` lists them: `host`, `host:port` or `[v6]:port`. */
  servers: string[];
  timeoutMs: number;
  tries: number;
}

type Reply = { packet: dnsPacket.DecodedPacket } | { failure: string };

/** RFC 1035 section 4.1.1 response codes; the others read as c-ares names them. */
const STATUS_BY_RCODE: Record<number, DnsStatus> = { 2: 'servfail', 3: 'nxdomain', 5: 'refused' };
const RCODE_NAMES: Record<number, string> = { 1: 'EFORMERR', 4: 'ENOTIMP' };

/** The payload size c-ares and most resolvers advertise (DNS flag day 2020). */
const UDP_PAYLOAD_SIZE = 1232;

export async function rawQuery(
  name: string,
  type: DnsType,
  options: RawQueryOptions,
): Promise<DnsAnswer> {
  const base = { name, type };
  const servers = options.servers.map(parseDnsServer).filter((server) => server !== undefined);
  if (!fitsWire(name)) return failed(base, 'error', 'EBADNAME');
  if (servers.length === 0) return failed(base, 'error', 'no DNS server to ask');

  // Like c-ares: each try walks the servers in turn, and a server that fails, refuses or
  // stays silent passes the question to the next; only an answer or NXDOMAIN ends the walk.
  let last: DnsAnswer = failed(base, 'timeout');
  for (let attempt = 0; attempt < Math.max(1, options.tries) * servers.length; attempt++) {
    const reply = await ask(servers[attempt % servers.length]!, name, type, options.timeoutMs);
    last = 'packet' in reply ? readReply(base, reply.packet) : readFailure(base, reply.failure);
    if (last.status === 'ok' || last.status === 'nodata' || last.status === 'nxdomain') break;
  }
  return last;
}

/** Empty labels, labels over 63 octets and names over 253 cannot be encoded (RFC 1035 3.1). */
function fitsWire(name: string): boolean {
  const labels = name.replace(/\.$/, '').split('.');
  const octets = labels.map((label) => Buffer.byteLength(label));
  return (
    octets.reduce((sum, length) => sum + length + 1, -1) <= 253 &&
    octets.every((length) => length >= 1 && length <= 63)
  );
}

function readReply(
  base: Pick<DnsAnswer, 'name' | 'type'>,
  packet: dnsPacket.DecodedPacket,
): DnsAnswer {
  const rcode = (packet.flags ?? 0) & 0xf;
  if (packet.flag_tc) return failed(base, 'error', 'truncated UDP answer');
  const status = STATUS_BY_RCODE[rcode];
  if (status) return failed(base, status);
  if (rcode !== 0) return failed(base, 'error', RCODE_NAMES[rcode] ?? `rcode ${rcode}`);

  // The answer section may lead with the CNAMEs followed; only the type asked is kept.
  const answers = (packet.answers ?? []).filter(
    (answer) => answer.type === base.type && (answer.class ?? 'IN') === 'IN',
  );
  if (answers.length === 0) return failed(base, 'nodata');
  return { ...base, status: 'ok', records: answers.map(presentation) as DnsAnswer['records'] };
}

function readFailure(base: Pick<DnsAnswer, 'name' | 'type'>, failure: string): DnsAnswer {
  return failure === 'ETIMEOUT' ? failed(base, 'timeout') : failed(base, 'error', failure);
}

/** The forms resolver.ts gives node:dns answers, so both paths read alike. */
function presentation(answer: dnsPacket.Answer): string | string[] | DnsAnswer['records'][number] {
  const data = (answer as { data: unknown }).data;
  // node:dns reads each TXT character-string one octet per character (latin1).
  if (answer.type === 'TXT') return (data as Buffer[]).map((chunk) => chunk.toString('latin1'));
  if (answer.type === 'MX') {
    const mx = data as { exchange: string; preference: number };
    return { exchange: bareName(mx.exchange), priority: mx.preference };
  }
  if (answer.type === 'SOA') return bareName((data as { mname: string }).mname);
  return bareName(String(data));
}

function bareName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function failed(
  base: Pick<DnsAnswer, 'name' | 'type'>,
  status: DnsStatus,
  detail?: string,
): DnsAnswer {
  return { ...base, status, records: [], ...(detail === undefined ? {} : { detail }) };
}

/** One question to one server: its reply, or why none came (ETIMEOUT, a socket error). */
function ask(server: DnsServer, name: string, type: DnsType, timeoutMs: number): Promise<Reply> {
  const id = randomInt(0, 0x10000);
  const query = dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: UDP_PAYLOAD_SIZE } as dnsPacket.Answer],
  });
  const socket = createSocket(isIP(server.host) === 6 ? 'udp6' : 'udp4');

  return new Promise<Reply>((resolve) => {
    const finish = (reply: Reply) => {
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    };
    const timer = setTimeout(() => finish({ failure: 'ETIMEOUT' }), timeoutMs);

    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish({ failure: error.code ?? 'EUNKNOWN' }),
    );
    socket.on('message', (message) => {
      const packet = decodeReply(message, id, name);
      if (packet) finish({ packet });
    });
    // A connected socket takes datagrams from that server only, and reports its ICMP errors.
    socket.connect(server.port, server.host, () => socket.send(query));
  });
}

/** A reply to this question, or undefined for anything else arriving on the port. */
function decodeReply(
  message: Buffer,
  id: number,
  name: string,
): dnsPacket.DecodedPacket | undefined {
  try {
    const packet = dnsPacket.decode(message);
    const question = packet.questions?.[0];
    const matches = question && bareName(question.name) === bareName(name);
    return packet.type === 'response' && packet.id === id && matches ? packet : undefined;
  } catch {
    return undefined;
  }
}
