import { isIPv6 } from 'node:net';
import { names } from '../dns/answer.js';
import type { DnsLookup } from '../dns/resolver.js';

/** RFC 7208 section 4.6.4: at most 10 PTR names are looked at. */
const MAX_PTR_NAMES = 10;

/**
 * The validated domain name of a client address (RFC 7208 section 7.3, the %{p} macro):
 * a PTR name of the address whose own A or AAAA records lead back to it, preferring the
 * domain being checked, then one of its subdomains; "unknown" when none validates.
 */
export async function validatedDomain(dns: DnsLookup, ip: string, domain: string): Promise<string> {
  const ptr = await dns.query(reverseName(ip), 'PTR');
  const family = isIPv6(ip) ? 'AAAA' : 'A';
  const wanted = expandAddress(ip);

  const validated: string[] = [];
  for (const name of names(ptr).slice(0, MAX_PTR_NAMES)) {
    const forward = await dns.query(name, family);
    if (names(forward).some((address) => expandAddress(address) === wanted)) validated.push(name);
  }

  const target = domain.toLowerCase().replace(/\.$/, '');
  return (
    validated.find((name) => name === target) ??
    validated.find((name) => name.endsWith(`.${target}`)) ??
    validated[0] ??
    'unknown'
  );
}

/**
 * Replaces every %{p…} macro of a record by the validated domain name, applying the
 * macro's own transformers (section 7.3: digits keep the rightmost parts, r reverses,
 * delimiters split; an uppercase letter URL-escapes the result).
 */
export function expandValidatedDomain(record: string, validated: string): string {
  return record.replace(
    /%\{([pP])(\d*)(r?)([.\-+,/_=]*)\}/g,
    (_, letter, digits, reverse, delimiters) => {
      const split = new RegExp(`[${escapeClass(delimiters || '.')}]`);
      let parts = validated.split(split);
      if (reverse) parts = parts.reverse();
      if (digits) parts = parts.slice(-Number(digits));
      const value = parts.join('.');
      return letter === 'P' ? encodeURIComponent(value) : value;
    },
  );
}

function escapeClass(characters: string): string {
  return characters.replace(/[-\\\]^/]/g, '\\$&');
}

/** `192.0.2.1` → `1.2.0.192.in-addr.arpa`; IPv6 by nibbles under ip6.arpa (RFC 3596). */
export function reverseName(ip: string): string {
  if (!isIPv6(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const nibbles = expandAddress(ip).replace(/:/g, '').split('');
  return `${nibbles.reverse().join('.')}.ip6.arpa`;
}

/** An IPv6 address written out in full, lowercase; an IPv4 address as it is. */
function expandAddress(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = ip.includes('::')
    ? [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)]
    : groups(head);
  return all.map((group) => group.padStart(4, '0')).join(':');
}
