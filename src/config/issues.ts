import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import { nearestRegion } from '../ses/regions.js';
import { expectationsSchema } from './schema.js';

type Issue = z.core.$ZodIssue;
type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const jsonSchema = z.toJSONSchema(expectationsSchema, { io: 'input' }) as JsonSchema;

/** Turns one zod issue into the sentence a person fixing the file needs. */
export function describeIssue(
  issue: Issue,
  data: unknown,
): { code: ErrorCode; message: string; keyName?: string } {
  const where = formatPath(issue.path as (string | number)[]);
  const value = valueAt(data, issue.path as (string | number)[]);
  // A value under `credential:` may be a password or secret key pasted into the file: it is
  // described by its type and length only, in every message below.
  const secret = issue.path.includes('credential');
  const describeValue = secret ? describeConcealed : describePlain;

  if (secret && isScalar(value) && issue.code === 'invalid_union') {
    return {
      code: 'MAILSPEC_CONFIG_INVALID',
      message: `${where}: ${describeValue(value)} is written in the file, but secrets must be referenced (env, file, secrets_manager or ssm), never written in the file`,
    };
  }

  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const known = keysAt(jsonSchema, data, issue.path as (string | number)[]);
    const hint = nearOption(key, known);
    const inside = where ? ` in ${where}` : '';
    const list = known.length > 0 ? `; expected one of: ${known.join(', ')}` : '';
    return {
      code: 'MAILSPEC_CONFIG_UNKNOWN_KEY',
      message: `unknown key "${key}"${inside}${hint || list}`,
      keyName: key,
    };
  }
  if (
    issue.message === 'unknown region' ||
    (issue.code === 'invalid_key' && issue.path.at(-2) === 'regions')
  ) {
    const name = issue.code === 'invalid_key' ? String(issue.path.at(-1)) : String(value);
    return {
      code: 'MAILSPEC_CONFIG_UNKNOWN_REGION',
      message: `${where}: "${name}" is not an AWS region with SES (did you mean "${nearestRegion(name)}"?)`,
      keyName: issue.code === 'invalid_key' ? name : undefined,
    };
  }
  if (issue.code === 'invalid_type' && value === undefined) {
    const key = String(issue.path.at(-1));
    const parent = formatPath(issue.path.slice(0, -1) as (string | number)[]);
    return {
      code: 'MAILSPEC_CONFIG_INVALID',
      message: `missing key "${key}"${parent ? ` in ${parent}` : ''} (expected ${issue.expected})`,
    };
  }
  if (issue.code === 'invalid_type') {
    const got = value === undefined ? 'nothing (the key is missing)' : describeValue(value);
    return {
      code: 'MAILSPEC_CONFIG_INVALID',
      message: `${where || 'the file'}: expected ${issue.expected}, got ${got}`,
    };
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const options = (issue as unknown as { options: string[] }).options
      .map((o) => `"${o}"`)
      .join(' or ');
    return {
      code: 'MAILSPEC_CONFIG_INVALID',
      message: `${where}: expected ${options}, got ${describeValue(value)}`,
    };
  }
  const literals = issue.code === 'invalid_union' ? unionLiterals(issue) : [];
  if (literals.length > 0) {
    const hint = secret ? '' : nearOption(value, unionValues(issue));
    return {
      code: 'MAILSPEC_CONFIG_INVALID',
      message: `${where}: expected one of ${literals.join(', ')}, got ${describeValue(value)}${hint}`,
    };
  }
  if (issue.code === 'invalid_union') {
    const keys = keysAt(jsonSchema, data, issue.path as (string | number)[]);
    const shapes = keys.length > 0 ? `one of the keys ${keys.join(', ')}` : 'another shape';
    return {
      code: 'MAILSPEC_CONFIG_INVALID',
      message: `${where}: expected ${shapes}, got ${describeValue(value)}`,
    };
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
    const hint = secret ? '' : nearOption(value, issue.values);
    return {
      code: 'MAILSPEC_CONFIG_INVALID',
      message: `${where}: expected one of ${options}, got ${describeValue(value)}${hint}`,
    };
  }
  if (issue.code === 'custom' && issue.params?.conceal && typeof value === 'string') {
    return {
      code: 'MAILSPEC_CONFIG_INVALID',
      message: `${where}: ${lowerFirst(issue.message)}, got ${value.length} characters`,
    };
  }
  return {
    code: 'MAILSPEC_CONFIG_INVALID',
    message: `${where || 'the file'}: ${lowerFirst(issue.message)}, got ${describeValue(value)}`,
  };
}

/** `domains[0].dkim.required`, the way the key is found in the file. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, '');
}

function describePlain(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  // Values of YAML 1.1 tags: !!timestamp, !!binary, !!set, !!omap.
  if (value instanceof Date) return `a !!timestamp (${formatTimestamp(value)})`;
  if (value instanceof Uint8Array) return 'binary data (!!binary)';
  if (value instanceof Set) return 'a set (!!set)';
  if (value instanceof Map) return 'an ordered mapping (!!omap)';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' && Number.isNaN(value)) return '.nan (not a number)';
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value < 0 ? '-' : ''}.inf`;
  return `${typeof value} ${String(value)}`;
}

/** Type and length, never the value: what a message may say about a possible secret. */
function describeConcealed(value: unknown): string {
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (typeof value === 'number' || typeof value === 'bigint') {
    return `a number of ${String(value).length} characters`;
  }
  if (typeof value === 'boolean') return 'a boolean';
  // What is left (nothing, null, a list, a mapping) holds no characters of its own to hide.
  return describePlain(value && typeof value === 'object' && !Array.isArray(value) ? {} : value);
}

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && value !== undefined);
}

function formatTimestamp(date: Date): string {
  const iso = Number.isNaN(date.getTime()) ? 'an invalid date' : date.toISOString();
  return iso.replace('T00:00:00.000Z', '');
}

/** The allowed values of a union made of literals only (`port: 25 | 465 | …`), else none. */
function unionLiterals(issue: Issue): string[] {
  return unionValues(issue).map((one) => JSON.stringify(one));
}

function unionValues(issue: Issue): unknown[] {
  const branches = 'errors' in issue ? (issue.errors as Issue[][]) : [];
  const values = branches.map((errors) =>
    errors.length === 1 && errors[0].code === 'invalid_value' ? errors[0].values : undefined,
  );
  if (values.length === 0 || values.some((v) => v === undefined)) return [];
  return values.flatMap((v) => v!);
}

/**
 * ` (did you mean "quarantine"?)` when a written string is a typo of one allowed string: at
 * most two edits away, or a third of its length for longer ones, so "gmail" suggests nothing.
 */
function nearOption(written: unknown, options: readonly unknown[]): string {
  const strings = options.filter((one): one is string => typeof one === 'string');
  if (typeof written !== 'string' || strings.length === 0) return '';
  const guess = closest(written, strings);
  return distance(written, guess) <= Math.max(2, written.length / 3)
    ? ` (did you mean "${guess}"?)`
    : '';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, part) =>
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined,
    data,
  );
}

/** The keys the schema allows at a path, choosing the union branch that fits the data best. */
function keysAt(schema: JsonSchema, data: unknown, path: readonly PropertyKey[]): string[] {
  let node: JsonSchema | undefined = schema;
  let value: unknown = data;
  for (const part of path) {
    node = pickBranch(node, value);
    if (!node) return [];
    value = (value as Record<PropertyKey, unknown> | undefined)?.[part];
    node =
      typeof part === 'number'
        ? node.items
        : (node.properties?.[String(part)] ??
          (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
  }
  node = pickBranch(node, value);
  return Object.keys(node?.properties ?? {});
}

function pickBranch(node: JsonSchema | undefined, value: unknown): JsonSchema | undefined {
  const branches = node?.anyOf ?? node?.oneOf;
  if (!branches) return node;
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  const score = (branch: JsonSchema) => keys.filter((k) => branch.properties?.[k]).length;
  const objects = branches.filter((branch) => branch.properties);
  if (objects.length === 0) return branches[0];
  const best = [...objects].sort((a, b) => score(b) - score(a))[0];
  if (score(best) > 0) return best;
  return { properties: Object.assign({}, ...objects.map((branch) => branch.properties)) };
}
