import { getDomain } from 'tldts';
import type { AlignmentMode } from './record.js';

/**
 * The organizational domain (RFC 7489 section 3.2): the public suffix plus one label, from
 * the Public Suffix List that tldts ships. Private suffixes count too (as receivers do), so
 * a name under a hosting suffix is its own organization. A name with no registrable part
 * is returned as it is.
 */
export function organizationalDomain(domain: string): string {
  const name = domain.toLowerCase().replace(/\.$/, '');
  return getDomain(name, { allowPrivateDomains: true }) ?? name;
}

/**
 * Identifier alignment (RFC 7489 section 3.1): strict needs the same name, relaxed the
 * same organizational domain.
 */
export function isAligned(fromDomain: string, authenticated: string, mode: AlignmentMode) {
  const from = fromDomain.toLowerCase();
  const other = authenticated.toLowerCase();
  if (mode === 'strict') return from === other;
  return organizationalDomain(from) === organizationalDomain(other);
}
