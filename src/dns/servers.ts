import { isIP } from 'node:net';

/** A DNS server to ask: node:dns takes IP addresses only, never host names. */
export interface DnsServer {
  host: string;
  port: number;
}

/**
 * Reads `1.1.1.1`, `1.1.1.1:5353`, `2606:4700::1111` or `[2606:4700::1111]:53`; anything
 * else (a host name, a bad port) gives undefined so the caller can say which value it was.
 */
export function parseDnsServer(text: string): DnsServer | undefined {
  const value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  const v4WithPort = /^([\d.]+):(\d+)$/.exec(value);
  const [host, port] = bracketed
    ? [bracketed[1], bracketed[2]]
    : v4WithPort
      ? [v4WithPort[1], v4WithPort[2]]
      : [value, undefined];

  const number = port === undefined ? 53 : Number(port);
  if (!Number.isInteger(number) || number < 1 || number > 65535) return undefined;
  if (isIP(host) === 0 || (bracketed && isIP(host) !== 6)) return undefined;
  return { host, port: number };
}

export function isDnsServer(text: string): boolean {
  return parseDnsServer(text) !== undefined;
}

/** The form `Resolver.setServers` takes: IPv6 in brackets when a port is given. */
export function formatDnsServer({ host, port }: DnsServer): string {
  if (port === 53) return host;
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

export const DNS_SERVER_FORMAT =
  'an IP address with an optional :port, such as 1.1.1.1 or [2606:4700::1111]:53';
