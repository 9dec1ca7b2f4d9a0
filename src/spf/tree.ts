import { isVoidQuery, type SpfBranch, type SpfDomain, type SpfPolicy } from '../collect/spf.js';
import { describeStatus, isAbsent, isUndecided, type DnsAnswer } from '../dns/answer.js';
import { QUERYING_MECHANISMS, type Mechanism } from './record.js';

/** A policy of the tree with the branches that lead to it from the root. */
export interface Visit {
  policy: SpfPolicy;
  path: SpfBranch[];
}

/** How a domain reads in messages: "MAIL FROM domain mail.example.com" or "example.com". */
export function describeDomain({ role, domain }: SpfDomain): string {
  return role === 'MAIL FROM' ? `MAIL FROM domain ${domain}` : domain;
}

/** The root's one valid record, which the tree-wide checks need before they can judge. */
export function hasValidRecord(policy: SpfPolicy): boolean {
  return policy.parsed?.ok === true;
}

/** Every policy reachable from the root, depth first, in record order. */
export function visitPolicies(root: SpfPolicy): Visit[] {
  const visits: Visit[] = [];
  const visit = (policy: SpfPolicy, path: SpfBranch[]) => {
    visits.push({ policy, path });
    for (const next of policy.branches) if (next.policy) visit(next.policy, [...path, next]);
  };
  visit(root, []);
  return visits;
}

/** Every branch of the tree, walked or not, with the path that leads to its policy. */
export function visitBranches(root: SpfPolicy): { branch: SpfBranch; from: Visit }[] {
  return visitPolicies(root).flatMap((from) =>
    from.policy.branches.map((branch) => ({ branch, from })),
  );
}

/** The mechanisms of one policy, in record order. */
export function mechanismsOf(policy: SpfPolicy): Mechanism[] {
  if (!policy.parsed?.ok) return [];
  return policy.parsed.terms.filter((term): term is Mechanism => term.kind === 'mechanism');
}

/**
 * The DNS-querying terms of the whole tree (section 4.6.4: include, a, mx, ptr, exists and
 * redirect), summed over every branch, since a different client address takes another path.
 */
export function countLookups(root: SpfPolicy): { total: number; byDomain: [string, number][] } {
  const byDomain = visitPolicies(root).map(({ policy }): [string, number] => {
    const mechanisms = mechanismsOf(policy).filter((m) => QUERYING_MECHANISMS.has(m.name));
    const redirects = policy.branches.filter((b) => b.via === 'redirect');
    return [policy.domain, mechanisms.length + redirects.length];
  });
  return { total: byDomain.reduce((sum, [, count]) => sum + count, 0), byDomain };
}

/** The lookups of the tree that return no records, named by term and status. */
export function voidLookups(root: SpfPolicy): string[] {
  const voids: string[] = [];
  for (const { policy } of visitPolicies(root)) {
    for (const branch of policy.branches) {
      if (branch.policy && isAbsent(branch.policy.txt)) {
        voids.push(`${branch.term} (${describeStatus(branch.policy.txt)})`);
      }
    }
    for (const query of policy.queries) {
      if (isVoidQuery(query)) voids.push(`${query.term} at ${policy.domain} (no records)`);
    }
  }
  return voids;
}

/**
 * What keeps a tree-wide count from being complete: DNS answers that said nothing either
 * way, and targets whose name depends on the sender. Each entry reads "name TYPE: status".
 */
export function unknownParts(root: SpfPolicy): string[] {
  const parts: string[] = [];
  for (const { policy } of visitPolicies(root)) {
    if (isUndecided(policy.txt)) parts.push(describeAnswer(policy.txt));
    for (const query of policy.queries) {
      parts.push(...query.answers.filter(isUndecided).map(describeAnswer));
    }
    for (const branch of policy.branches) {
      if (branch.unwalked === 'macro') parts.push(`${branch.term}: depends on the sender`);
      if (branch.unwalked === 'too-large') parts.push(`${branch.term}: not followed`);
    }
  }
  return parts;
}

/** The first branch that leads back to a domain already on its path, if any. */
export function findLoop(root: SpfPolicy): { branch: SpfBranch; at: string } | undefined {
  for (const { branch, from } of visitBranches(root)) {
    if (branch.unwalked === 'loop') return { branch, at: from.policy.domain };
  }
  return undefined;
}

/** "1 DNS lookup", "5 DNS lookups". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function describeAnswer(answer: DnsAnswer): string {
  return `${answer.name} ${answer.type}: ${describeStatus(answer)}`;
}

/** "at _spf.example.com (through include:_spf.example.com)" or "in the record itself". */
export function describePlace({ policy, path }: Visit): string {
  if (path.length === 0) return 'in the record itself';
  return `at ${policy.domain} (through ${path.map((b) => b.term).join(' then ')})`;
}
