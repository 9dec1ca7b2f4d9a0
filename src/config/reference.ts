import { describedSchema, schemaKeys, type SchemaKey, type SchemaNode } from './json-schema.js';

/**
 * docs/expectations.md: every key of expectations.yaml with its type, default and meaning,
 * made from the same JSON Schema and descriptions editors see, so the page cannot drift from
 * the loader (a test compares it with this text; `mailspec schema --markdown` prints it).
 */
export function expectationsReference(): string {
  const rows = schemaKeys(describedSchema()).map(row);
  return [
    '# expectations.yaml keys',
    '',
    'Generated from the schema the loader validates with (`mailspec schema --markdown >',
    'docs/expectations.md`); do not edit by hand. `[]` is an item of a list, `*` the value under',
    'each key of a map (a region name), `[smtp]` and `[ses-api]` the keys of each kind of',
    'sending path. The forms of a stored credential (`env`, `file`, `secrets_manager`, `ssm`)',
    'are alternatives: one of them per credential.',
    '',
    '| key | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function row(key: SchemaKey): string {
  const meaning = key.node.description ?? '';
  return `| \`${key.path}\` | ${typeOf(key.node)} | ${defaultOf(key)} | ${cell(meaning)} |`;
}

function defaultOf({ node, required, inForm }: SchemaKey): string {
  if (node.default !== undefined) return `\`${JSON.stringify(node.default)}\``;
  if (!required) return '—';
  return inForm ? 'required in this form' : 'required';
}

function typeOf(node: SchemaNode): string {
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return `one of ${node.enum.map((v) => `\`${String(v)}\``).join(', ')}`;

  const branches = node.anyOf ?? node.oneOf;
  if (branches?.every((branch) => branch.const !== undefined)) {
    return `one of ${branches.map((branch) => `\`${String(branch.const)}\``).join(', ')}`;
  }
  if (branches) return 'object, one of its forms';

  if (node.type === 'array') return node.items ? `list of ${typeOf(node.items)}` : 'list';
  if (node.type === 'object' && typeof node.additionalProperties === 'object') {
    return 'map of region to object';
  }
  return `${node.type ?? 'any'}${range(node)}`;
}

function range(node: SchemaNode): string {
  const min =
    node.minimum ??
    (node.exclusiveMinimum !== undefined ? `> ${node.exclusiveMinimum}` : undefined);
  const max = node.maximum;
  // zod writes the safe-integer bounds for a bare int(); they say nothing to a reader.
  const shownMax = max !== undefined && max !== Number.MAX_SAFE_INTEGER ? max : undefined;
  if (min === undefined && shownMax === undefined) return '';
  if (shownMax === undefined) return typeof min === 'string' ? ` ${min}` : ` ≥ ${String(min)}`;
  return ` ${String(min ?? '')}–${String(shownMax)}`;
}

/** A table cell: a pipe would end it. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
