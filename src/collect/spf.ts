import { mailFromDomains } from '../config/mail-from.js';
import type { DomainExpectation } from '../config/schema.js';
import { isAbsent, joinedTxt, type DnsAnswer } from '../dns/answer.js';
import type { AuditContext } from '../engine/context.js';
import { isSpfRecord, parseSpf, type Mechanism, type ParsedSpf } from '../spf/record.js';

/**
 * One SPF policy as DNS publishes it, with every include and redirect target walked in
 * turn: the whole tree a receiver may visit, whichever client address it evaluates.
 */
export interface SpfPolicy {
  domain: string;
  txt: DnsAnswer;
  /** The TXT records that are SPF records, strings joined with no separator. */
  records: string[];
  /** Set when exactly one SPF record is published. */
  parsed?: ParsedSpf;
  branches: SpfBranch[];
  /** What the `a`, `mx` and `exists` terms without macros ask DNS, to count void lookups. */
  queries: TermQuery[];
}

export interface SpfBranch {
  via: 'include' | 'redirect';
  /** The term as published: `include:amazonses.com`, `redirect=_spf.example.com`. */
  term: string;
  qualifier: Mechanism['qualifier'];
  target: string;
  /** The target's policy, unless it could not be walked (see `unwalked`). */
  policy?: SpfPolicy;
  /** A macro target depends on the sender; a loop or a tree too large is not followed. */
  unwalked?: 'macro' | 'loop' | 'too-large';
}

export interface TermQuery {
  term: string;
  answers: DnsAnswer[];
}

/** The domains whose SPF a domain's mail is judged by: the From domain and the MAIL FROM. */
export interface SpfDomain {
  role: 'From' | 'MAIL FROM';
  domain: string;
  policy: SpfPolicy;
}

/** A tree deeper than this already exceeds the 10-lookup limit many times over. */
const MAX_POLICIES = 40;

/** The SPF trees of the From domain and of each custom MAIL FROM domain declared for it. */
export async function collectSpfDomains(
  ctx: AuditContext,
  expectation: DomainExpectation,
): Promise<SpfDomain[]> {
  const domains: SpfDomain[] = [
    {
      role: 'From',
      domain: expectation.domain,
      policy: await collectSpfTree(ctx, expectation.domain),
    },
  ];
  for (const mailFrom of mailFromDomains(expectation)) {
    if (mailFrom === expectation.domain) continue;
    domains.push({
      role: 'MAIL FROM',
      domain: mailFrom,
      policy: await collectSpfTree(ctx, mailFrom),
    });
  }
  return domains;
}

/** The SPF tree of one domain, shared by every check that reads it. */
export function collectSpfTree(ctx: AuditContext, domain: string): Promise<SpfPolicy> {
  return ctx.memo(`spf tree ${domain.toLowerCase()}`, () =>
    walk(ctx, domain.toLowerCase(), [], { count: 0 }),
  );
}

async function walk(
  ctx: AuditContext,
  domain: string,
  ancestors: string[],
  budget: { count: number },
): Promise<SpfPolicy> {
  budget.count++;
  const txt = await ctx.dns.query(domain, 'TXT');
  const records = joinedTxt(txt).filter(isSpfRecord);
  const policy: SpfPolicy = { domain, txt, records, branches: [], queries: [] };
  if (records.length !== 1) return policy;

  policy.parsed = parseSpf(records[0]!);
  if (!policy.parsed.ok) return policy;

  const terms = policy.parsed.terms;
  // Section 6.1: redirect is ignored when the record has an `all` mechanism.
  const hasAll = terms.some((t) => t.kind === 'mechanism' && t.name === 'all');
  for (const term of terms) {
    if (term.kind === 'mechanism' && term.name === 'include') {
      policy.branches.push(branch('include', term.text, term.qualifier, term.value!));
    } else if (term.kind === 'modifier' && term.name === 'redirect' && !hasAll) {
      policy.branches.push(branch('redirect', term.text, '+', term.value));
    } else if (term.kind === 'mechanism') {
      const query = await queryTerm(ctx, domain, term);
      if (query) policy.queries.push(query);
    }
  }

  const lineage = [...ancestors, domain];
  for (const next of policy.branches) {
    if (next.unwalked) continue;
    if (lineage.includes(next.target)) next.unwalked = 'loop';
    else if (budget.count >= MAX_POLICIES) next.unwalked = 'too-large';
    else next.policy = await walk(ctx, next.target, lineage, budget);
  }
  return policy;
}

function branch(
  via: SpfBranch['via'],
  term: string,
  qualifier: Mechanism['qualifier'],
  target: string,
): SpfBranch {
  if (target.includes('%')) return { via, term, qualifier, target, unwalked: 'macro' };
  return { via, term, qualifier, target: target.toLowerCase().replace(/\.$/, '') };
}

/**
 * The queries a receiver makes for `a`, `mx` and `exists` (section 5), so void lookups
 * can be counted; `ptr` depends on the client address and targets with macros on the sender.
 */
async function queryTerm(
  ctx: AuditContext,
  domain: string,
  term: Mechanism,
): Promise<TermQuery | undefined> {
  const target = (term.value ?? domain).toLowerCase().replace(/\.$/, '');
  if (target.includes('%')) return undefined;

  switch (term.name) {
    case 'a':
      return { term: term.text, answers: await addresses(ctx, target) };
    case 'mx':
      return { term: term.text, answers: [await ctx.dns.query(target, 'MX')] };
    case 'exists':
      return { term: term.text, answers: [await ctx.dns.query(target, 'A')] };
    default:
      return undefined;
  }
}

function addresses(ctx: AuditContext, name: string): Promise<DnsAnswer[]> {
  return Promise.all([ctx.dns.query(name, 'A'), ctx.dns.query(name, 'AAAA')]);
}

/**
 * A term's lookup is void when it returns no records (section 4.6.4). For `a`, mailauth
 * asks A and AAAA and counts a void lookup only when both are empty, and so does this.
 */
export function isVoidQuery(query: TermQuery): boolean {
  return query.answers.every(isAbsent);
}
