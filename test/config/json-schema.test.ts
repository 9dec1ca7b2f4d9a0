import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectationsJsonSchema } from '../../src/config/json-schema.js';

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
});
