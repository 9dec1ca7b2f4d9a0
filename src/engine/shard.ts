import type { Expectations } from '../config/schema.js';
import { MailspecError } from '../errors.js';
import type { Scope } from './check.js';
import { subjectName, subjectsFor } from './subjects.js';

/** The i-th of n parts of a run (1-based), as `--shard i/n` gives it. */
export interface Shard {
  index: number;
  count: number;
}

const SCOPES: Scope[] = [
  'domain',
  'domain-region',
  'region',
  'path',
  'path-recipient',
  'recipient',
];

/**
 * `"2/3"` → { index: 2, count: 3 }; undefined when no value is given. A value given in any
 * other form is refused rather than ignored: a mistyped shard would otherwise run every
 * subject in every CI job, or none. `given` names where it came from, for the message.
 */
export function parseShard(value: string | undefined, given = '--shard'): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  // A count past 2^53 is no number of runners, and would not divide exactly.
  if (index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new MailspecError(
      'MAILSPEC_USAGE',
      `audit: ${given} takes i/n with 1 <= i <= n, not "${value}"`,
    );
  }
  return { index, count };
}

/**
 * Which subjects a shard runs. The unit is a subject name (a domain with all its regions,
 * a region's account, a sending path…), dealt round-robin in declaration order: every check
 * of a subject runs in the same shard, so the shard that owns a subject also judges its
 * waivers, and n shards together run every test exactly once. A name no subject has (a
 * waiver for a subject that is not declared) belongs to shard 1.
 */
export function shardOwner(expectations: Expectations, shard: Shard): (subject: string) => boolean {
  const names = [
    ...new Set(
      SCOPES.flatMap((scope) =>
        subjectsFor(expectations, scope).map((subject) => subjectName(subject).subject),
      ),
    ),
  ];
  return (subject) => {
    const position = names.indexOf(subject);
    return (position < 0 ? 0 : position) % shard.count === shard.index - 1;
  };
}
