import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESCRIPTIONS } from '../../src/config/descriptions.js';
import { expectationsJsonSchema, schemaKeys } from '../../src/config/json-schema.js';
import { expectationsReference } from '../../src/config/reference.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('json-schema', () => {
  it('fails when schema/expectations.schema.json differs from the zod schema (run `mailspec schema > schema/expectations.schema.json`)', () => {
    const committed = JSON.parse(
      readFileSync(resolve(ROOT, 'schema/expectations.schema.json'), 'utf8'),
    );

    const generated = JSON.parse(expectationsJsonSchema());

    expect(committed).toEqual(generated);
  });

  it('passes when the root expectations.yaml points editors at the committed schema', () => {
    const firstLine = readFileSync(resolve(ROOT, 'expectations.yaml'), 'utf8').split('\n')[0];

    expect(firstLine).toBe('# yaml-language-server: $schema=./schema/expectations.schema.json');
  });

  it('passes when waivers need a reason and a YYYY-MM-DD expiry in the schema too', () => {
    const schema = JSON.parse(expectationsJsonSchema());

    const waiver = schema.properties.waivers.items;

    expect(waiver.required).toEqual(['check', 'subject', 'reason', 'expires']);
    expect(waiver.properties.expires.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(waiver.additionalProperties).toBe(false);
  });

  it('fails when a key of the schema has no description for editors to show', () => {
    const schema = JSON.parse(expectationsJsonSchema());

    const undescribed = schemaKeys(schema)
      .filter((key) => typeof key.node.description !== 'string' || key.node.description === '')
      .map((key) => key.path);

    expect(undescribed).toEqual([]);
  });

  it('fails when a description names a key the schema no longer has', () => {
    const paths = new Set(schemaKeys(JSON.parse(expectationsJsonSchema())).map((key) => key.path));

    const stale = Object.keys(DESCRIPTIONS).filter((path) => !paths.has(path));

    expect(stale).toEqual([]);
  });

  it('passes when every description is one sentence', () => {
    const notOneSentence = Object.entries(DESCRIPTIONS).filter(
      ([, text]) => !/^[`A-Za-z0-9].*\.$/.test(text) || /\.\s+[A-Z]/.test(text),
    );

    expect(notOneSentence).toEqual([]);
  });

  it('passes when editors get the sentence of a nested key on hover', () => {
    const schema = JSON.parse(expectationsJsonSchema());

    const spf = schema.properties.domains.items.properties.spf.properties.max_lookups;
    const smtp = schema.properties.sending_paths.items.oneOf[0].properties;

    expect(spf.description).toBe(DESCRIPTIONS['domains[].spf.max_lookups']);
    expect(spf.description).toBe('Most DNS-querying SPF terms allowed; RFC 7208 allows 10.');
    expect(smtp.credential.properties.password.anyOf[3].properties.ssm.properties.name).toEqual({
      type: 'string',
      minLength: 1,
      description: 'Name or ARN of the parameter, such as /mailspec/smtp/password.',
    });
  });

  it('fails when docs/expectations.md differs from the descriptions (run `mailspec schema --markdown > docs/expectations.md`)', () => {
    const committed = readFileSync(resolve(ROOT, 'docs/expectations.md'), 'utf8');

    expect(committed).toBe(expectationsReference());
  });

  it('passes when docs/expectations.md has one row per key with its type and default', () => {
    const reference = expectationsReference();

    const rows = reference.split('\n').filter((line) => line.startsWith('| `'));

    expect(rows).toHaveLength(schemaKeys(JSON.parse(expectationsJsonSchema())).length);
    expect(rows).toContain(
      '| `dns.timeout_ms` | integer 100–60000 | `3000` | Milliseconds to wait for one DNS answer before it counts as a timeout. |',
    );
    expect(rows).toContain(
      '| `sending_paths[smtp].credential.password.env` | string | required in this form | Name of the environment variable that holds the password. |',
    );
  });

  it('fails when the root expectations.yaml mentions a key of the schema nowhere, not even commented out', () => {
    const template = readFileSync(resolve(ROOT, 'expectations.yaml'), 'utf8');
    const names = schemaKeys(JSON.parse(expectationsJsonSchema()))
      .map((key) => key.path.split('.').pop()!)
      .filter((name) => name !== '*');

    const unmentioned = [...new Set(names)].filter(
      (name) => !new RegExp(`(^|[\\s{,#])${name}:`, 'm').test(template),
    );

    expect(unmentioned).toEqual([]);
  });
});
