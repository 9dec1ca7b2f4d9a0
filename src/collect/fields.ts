import type { AwsResult } from '../aws/gateway.js';

/**
 * Reading one field of an AWS answer as the type a check relies on. Live answers have the
 * documented types, but a recording can be edited by hand, and a value of another type must
 * make a check inconclusive, never pass or fail it: "false" is truthy, "oops" has a length.
 */
export type Field<T> = { ok: true; value: T } | { ok: false; problem: string };

/** What a field must hold: `parse` gives the value, or undefined when it does not fit. */
export interface Kind<T> {
  wanted: string;
  parse(value: unknown): { value: T } | undefined;
}

export const bool: Kind<boolean> = {
  wanted: 'true or false',
  parse: (value) => (typeof value === 'boolean' ? { value } : undefined),
};

export const text: Kind<string> = {
  wanted: 'a string',
  parse: (value) => (typeof value === 'string' ? { value } : undefined),
};

/** Counts and quotas: a negative number is as impossible as a string. */
export const count: Kind<number> = {
  wanted: 'a number of 0 or more',
  parse: (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? { value } : undefined,
};

export const texts: Kind<string[]> = listOf(text, 'a list of strings');

export const objects: Kind<object[]> = listOf(
  { wanted: 'an object', parse: (value) => (isObject(value) ? { value } : undefined) },
  'a list of objects',
);

export function listOf<T>(item: Kind<T>, wanted: string): Kind<T[]> {
  return {
    wanted,
    parse(value) {
      if (!Array.isArray(value)) return undefined;
      const parsed = value.map((element) => item.parse(element));
      return parsed.every((p) => p !== undefined)
        ? { value: parsed.map((p) => p!.value) }
        : undefined;
    },
  };
}

// The SDK gives Date objects; a recording keeps the ISO 8601 text it serialised them to.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A time AWS recorded, so one no later than the audit's clock. */
export function pastTime(now: Date): Kind<Date> {
  return {
    wanted: `a time no later than the audit's clock (${now.toISOString()})`,
    parse(value) {
      const date =
        value instanceof Date
          ? value
          : typeof value === 'string' && ISO_TIME.test(value)
            ? new Date(value)
            : undefined;
      if (!date || Number.isNaN(date.getTime()) || date > now) return undefined;
      return { value: date };
    },
  };
}

/**
 * The value at a dotted path (`SendQuota.Max24HourSend`); undefined when the path is absent,
 * which each check judges itself. Every step on the way must be an object.
 */
export function field<T>(answer: unknown, path: string, kind: Kind<T>): Field<T | undefined> {
  const steps = path.split('.');
  let value: unknown = answer;
  for (const [index, step] of steps.entries()) {
    if (value === undefined) return { ok: true, value: undefined };
    if (!isObject(value)) {
      const at = steps.slice(0, index).join('.');
      return { ok: false, problem: `${at} ${describeValue(value)}, not an object` };
    }
    value = (value as Record<string, unknown>)[step];
  }

  if (value === undefined) return { ok: true, value: undefined };
  const parsed = kind.parse(value);
  if (parsed) return { ok: true, value: parsed.value };
  return { ok: false, problem: `${path} ${describeValue(value)}, not ${kind.wanted}` };
}

/**
 * An answer with a field of the wrong type, for collectors that hand on an AwsResult: it is
 * as unusable as an error, so every check reading it is inconclusive and says why.
 */
export function unusableAnswer(permission: string, message: string): AwsResult<never> {
  return { ok: false, kind: 'error', errorName: 'unusable answer', message, permission };
}

type Spec = Record<string, readonly [path: string, kind: Kind<unknown>]>;
type Read<S extends Spec> = {
  [K in keyof S]: S[K][1] extends Kind<infer T> ? T | undefined : never;
};

/** Several fields at once, named as the check uses them; the first misfit is the problem. */
export function fields<S extends Spec>(answer: unknown, spec: S): Field<Read<S>> {
  const read: Record<string, unknown> = {};
  for (const [name, [path, kind]] of Object.entries(spec)) {
    const one = field(answer, path, kind);
    if (!one.ok) return one;
    read[name] = one.value;
  }
  return { ok: true, value: read as Read<S> };
}

/** `"false" (a string)`, `-999999`, `a list of 4 items`: the found value, kept short. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string' && ISO_TIME.test(value)) return value;
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `"${shown}" (a string)`;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return `${value} (a boolean)`;
  if (value === null) return 'null';
  if (value instanceof Date)
    return `${Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString()}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    const bad = value.map(describeValue).slice(0, 3).join(', ');
    return `a list of ${value.length} (${bad}${value.length > 3 ? ', …' : ''})`;
  }
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function isObject(value: unknown): value is object {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}
