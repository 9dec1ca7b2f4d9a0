import { isIPv4, isIPv6 } from 'node:net';

export type Qualifier = '+' | '-' | '~' | '?';

export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface Mechanism {
  kind: 'mechanism';
  qualifier: Qualifier;
  name: MechanismName;
  /** The domain-spec or network after `:`, without the CIDR lengths. */
  value?: string;
  /** The term as published, for messages. */
  text: string;
}

export interface Modifier {
  kind: 'modifier';
  name: string;
  value: string;
  text: string;
}

export type Term = Mechanism | Modifier;

export type ParsedSpf = { ok: true; terms: Term[] } | { ok: false; reason: string };

/** Mechanisms that make a DNS query when evaluated (RFC 7208 section 4.6.4). */
export const QUERYING_MECHANISMS = new Set<MechanismName>(['include', 'a', 'mx', 'ptr', 'exists']);

// The ABNF of RFC 7208 section 12, one piece at a time.
const MACRO_EXPAND = String.raw`(?:%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\}|%%|%_|%-)`;
const MACRO_LITERAL = String.raw`[\x21-\x24\x26-\x7e]`;
const MACRO_STRING = `(?:${MACRO_EXPAND}|${MACRO_LITERAL})*`;
const TOPLABEL = String.raw`(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])`;
const DOMAIN_END = String.raw`(?:\.${TOPLABEL}\.?|${MACRO_EXPAND})`;
const DOMAIN_SPEC = new RegExp(`^${MACRO_STRING}${DOMAIN_END}$`, 'i');
const MACRO_STRING_ONLY = new RegExp(`^${MACRO_STRING}$`, 'i');
const IP4_CIDR = '(?:/(?:0|[1-9]\\d?))';
const IP6_CIDR = '(?:/(?:0|[1-9]\\d{0,2}))';
const DUAL_CIDR = new RegExp(`^(.*?)(${IP4_CIDR})?(?:/(${IP6_CIDR}))?$`);
const MODIFIER = /^([a-z][a-z0-9\-_.]*)=(.*)$/i;
const DIRECTIVE = /^([+\-~?]?)([a-z][a-z0-9\-_.]*)(?:([:/])(.*))?$/i;
/** Macro letters c, r and t belong to explanation strings, never to a domain-spec (section 7.1). */
const EXPLANATION_ONLY_MACRO = /%\{[crt]/i;

/**
 * Parses one SPF record, its TXT strings already joined with no separator (section 3.3).
 * Any syntax error anywhere makes the whole record a permerror (section 4.6), so the first
 * one found is the reason and no terms are returned.
 */
export function parseSpf(record: string): ParsedSpf {
  const [version, ...rest] = record.split(' ');
  if (version?.toLowerCase() !== 'v=spf1') {
    return { ok: false, reason: 'it does not start with "v=spf1" followed by a space' };
  }

  const terms: Term[] = [];
  for (const text of rest.filter((word) => word !== '')) {
    const term = parseTerm(text);
    if (typeof term === 'string') return { ok: false, reason: `term "${text}" ${term}` };
    terms.push(term);
  }

  // Section 6: redirect and exp may each appear once at most.
  for (const name of ['redirect', 'exp']) {
    const count = terms.filter((t) => t.kind === 'modifier' && t.name === name).length;
    if (count > 1) return { ok: false, reason: `the ${name} modifier appears ${count} times` };
  }
  return { ok: true, terms };
}

/** True when a TXT record is an SPF record at all: "v=spf1" alone or before a space. */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1( |$)/i.test(text);
}

/** The term, or why it is invalid. */
function parseTerm(text: string): Term | string {
  const modifier = MODIFIER.exec(text);
  if (modifier) return parseModifier(text, modifier[1]!.toLowerCase(), modifier[2]!);

  const directive = DIRECTIVE.exec(text);
  if (!directive) return 'is neither a mechanism nor a modifier';
  const qualifier = (directive[1] || '+') as Qualifier;
  const name = directive[2]!.toLowerCase();
  const separator = directive[3];
  const value = directive[4];
  const argument = separator === '/' ? `/${value}` : value;

  switch (name) {
    case 'all':
      return separator ? 'takes no argument' : mechanism(qualifier, 'all', text);
    case 'include':
    case 'exists':
      if (separator !== ':' || !isDomainSpec(value)) return 'needs ":" and a valid domain';
      return mechanism(qualifier, name, text, value);
    case 'ptr':
      if (separator === '/') return 'takes no CIDR length';
      if (separator === ':' && !isDomainSpec(value)) return 'names an invalid domain';
      return mechanism(qualifier, 'ptr', text, value);
    case 'a':
    case 'mx':
      return parseHostMechanism(qualifier, name, text, separator, argument);
    case 'ip4':
    case 'ip6':
      return parseNetwork(qualifier, name, text, separator, value);
    default:
      return 'is not a known mechanism';
  }
}

function parseModifier(text: string, name: string, value: string): Modifier | string {
  if (name === 'redirect' || name === 'exp') {
    if (!isDomainSpec(value)) return 'names an invalid domain';
  } else if (!MACRO_STRING_ONLY.test(value)) {
    return 'has an invalid value';
  }
  return { kind: 'modifier', name, value, text };
}

/** `a` and `mx`: an optional domain-spec, then optional IPv4 and IPv6 CIDR lengths. */
function parseHostMechanism(
  qualifier: Qualifier,
  name: 'a' | 'mx',
  text: string,
  separator: string | undefined,
  argument: string | undefined,
): Mechanism | string {
  if (argument === undefined) return mechanism(qualifier, name, text);
  const [, domain = '', ip4, ip6] = DUAL_CIDR.exec(argument) ?? [];
  if (!validLength(ip4, 32) || !validLength(ip6, 128)) return 'has an invalid CIDR length';

  if (separator === '/') {
    return domain === '' ? mechanism(qualifier, name, text) : 'has an invalid CIDR length';
  }
  if (!isDomainSpec(domain)) return 'names an invalid domain';
  return mechanism(qualifier, name, text, domain);
}

function parseNetwork(
  qualifier: Qualifier,
  name: 'ip4' | 'ip6',
  text: string,
  separator: string | undefined,
  value: string | undefined,
): Mechanism | string {
  if (separator !== ':' || !value) return 'needs ":" and a network';
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const length = slash < 0 ? undefined : value.slice(slash);

  const valid = name === 'ip4' ? isIPv4(address) && !/(^|\.)0\d/.test(address) : isIPv6(address);
  if (!valid) return `has an invalid ${name === 'ip4' ? 'IPv4' : 'IPv6'} address`;
  const pattern = name === 'ip4' ? IP4_CIDR : IP6_CIDR;
  if (length !== undefined && !new RegExp(`^${pattern}$`).test(length)) {
    return 'has an invalid CIDR length';
  }
  if (!validLength(length, name === 'ip4' ? 32 : 128)) return 'has an invalid CIDR length';
  return mechanism(qualifier, name, text, value);
}

function validLength(length: string | undefined, max: number): boolean {
  return length === undefined || Number(length.slice(1)) <= max;
}

function isDomainSpec(value: string | undefined): value is string {
  return value !== undefined && DOMAIN_SPEC.test(value) && !EXPLANATION_ONLY_MACRO.test(value);
}

function mechanism(
  qualifier: Qualifier,
  name: MechanismName,
  text: string,
  value?: string,
): Mechanism {
  return { kind: 'mechanism', qualifier, name, value, text };
}
