import type { Expectations } from '../config/schema.js';
import type { Scope } from '../engine/check.js';
import { shardOwner } from '../engine/shard.js';
import { subjectName, subjectsFor } from '../engine/subjects.js';

/** Every scope, as a record so that a new scope fails the type check until it is added. */
const EVERY_SCOPE: Record<Scope, true> = {
  domain: true,
  'domain-region': true,
  region: true,
  path: true,
  'path-recipient': true,
  recipient: true,
};

/**
 * True when `--shard i/n` deals no subject to this shard (more shards than subjects).
 * vitest would refuse the empty suite as an error; an empty shard is a normal CI matrix
 * entry, so the CLI says so and exits 0 without starting vitest.
 */
export function shardHoldsNoSubject(expectations: Expectations, shard: string): boolean {
  const [index, count] = shard.split('/').map(Number);
  const owns = shardOwner(expectations, { index, count });
  const scopes = Object.keys(EVERY_SCOPE) as Scope[];
  return !scopes.some((scope) =>
    subjectsFor(expectations, scope).some((subject) => owns(subjectName(subject).subject)),
  );
}
