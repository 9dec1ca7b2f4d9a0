import { createSocket, type Socket } from 'node:dgram';
import dnsPacket from 'dns-packet';
import type { Zone, ZoneRecord } from './zone.js';

/**
 * A DNS server on a loopback address that answers from a fixture zone over the real wire protocol,
 * so fixture mode runs exactly the resolver code that live mode runs. dns-packet does the
 * encoding; the loop here only maps a question to the zone's answer.
 */
export interface LoopbackDnsServer {
  /** `host:port`, ready for `Resolver.setServers`. */
  address: string;
  port: number;
  /** How many queries it has answered, by `name TYPE`, for deduplication tests. */
  queries: Map<string, number>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  /** Added before each answer, to simulate a distant resolver (the benchmark uses it). */
  delayMs?: number;
  /** Any 127.0.0.x address (Linux routes all of 127/8 to loopback); default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port chosen by the system. */
  port?: number;
}

export async function startLoopbackDns(
  zone: Zone,
  options: LoopbackOptions = {},
): Promise<LoopbackDnsServer> {
  const socket = createSocket('udp4');
  const queries = new Map<string, number>();

  socket.on('message', (message, peer) => {
    const reply = respond(zone, message, queries);
    if (!reply) return;
    const send = () => socket.send(reply, peer.port, peer.address);
    if (options.delayMs) setTimeout(send, options.delayMs);
    else send();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 0, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const { port } = socket.address();
  return {
    address: `${host}:${port}`,
    port,
    queries,
    close: () => closeSocket(socket),
  };
}

const RCODE_VALUES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

function respond(zone: Zone, message: Buffer, queries: Map<string, number>): Buffer | null {
  let query: dnsPacket.Packet;
  try {
    query = dnsPacket.decode(message);
  } catch {
    return null;
  }
  const question = query.questions?.[0];
  if (!question) return null;

  const key = `${question.name.toLowerCase()} ${question.type}`;
  queries.set(key, (queries.get(key) ?? 0) + 1);

  const result = zone.answer(question.name, question.type);
  if (result.rcode === 'TIMEOUT') return null;

  const answers = 'answers' in result ? result.answers : [];
  try {
    return encode(query, RCODE_VALUES[result.rcode], answers.map(toWire));
  } catch {
    // A record dns-packet cannot encode (loadZone refuses those; a Zone built in code may
    // hold one) would throw inside the socket handler and end the process: answer SERVFAIL.
    return encode(query, RCODE_VALUES.SERVFAIL, []);
  }
}

function encode(query: dnsPacket.Packet, rcode: number, answers: dnsPacket.Answer[]): Buffer {
  // dns-packet takes the response code from the low four bits of the flags (RFC 1035 4.1.1).
  const flags =
    dnsPacket.AUTHORITATIVE_ANSWER |
    dnsPacket.RECURSION_AVAILABLE |
    ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) |
    rcode;
  return dnsPacket.encode({
    id: query.id,
    type: 'response',
    flags,
    questions: query.questions,
    answers,
  } as dnsPacket.Packet);
}

function toWire(record: ZoneRecord): dnsPacket.Answer {
  const base = { name: record.name, ttl: record.ttl ?? 300, class: 'IN' as const };
  if (record.type === 'TXT' || record.type === 'SPF') {
    const chunks = Array.isArray(record.data) ? record.data : [String(record.data ?? '')];
    // TXT-DATA is one or more character-strings (RFC 1035 section 3.3.14): an empty record
    // goes out as one empty string, as real servers send it, not as zero-length data.
    const strings = chunks.length > 0 ? chunks : [''];
    return { ...base, type: 'TXT', data: strings.map((chunk) => Buffer.from(chunk, 'utf8')) };
  }
  if (record.type === 'MX') {
    const mx = record.data as { exchange: string; priority: number };
    return { ...base, type: 'MX', data: { exchange: mx.exchange, preference: mx.priority } };
  }
  if (record.type === 'SOA') {
    return {
      ...base,
      type: 'SOA',
      data: {
        mname: String(record.data),
        rname: `hostmaster.${record.name}`,
        serial: 1,
        refresh: 3600,
        retry: 600,
        expire: 86400,
        minimum: 300,
      },
    };
  }
  return { ...base, type: record.type, data: String(record.data) } as dnsPacket.Answer;
}

function closeSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}
