import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadZone, parseZoneFile } from '../../src/dns/fixture-zone.js';
import { isMailspecError } from '../../src/errors.js';

const FILE = 'fixtures/x/dns/spf.yaml';

/** The one line the CLI prints for the error a zone file gives. */
function lineOf(text: string): string {
  try {
    parseZoneFile(text, FILE);
  } catch (error) {
    if (isMailspecError(error)) return error.toLine();
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('fixture zone files', () => {
  it('passes when the records of every file are read in file name order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailspec-zone-'));
    mkdirSync(join(dir, 'dns'));
    writeFileSync(
      join(dir, 'dns', 'b.yaml'),
      '- { name: b.example.com, type: A, data: 192.0.2.2 }',
    );
    writeFileSync(
      join(dir, 'dns', 'a.yml'),
      '- { name: a.example.com, type: NS, rcode: SERVFAIL }',
    );

    expect(loadZone(dir)).toEqual([
      { name: 'a.example.com', type: 'NS', rcode: 'SERVFAIL' },
      { name: 'b.example.com', type: 'A', data: '192.0.2.2' },
    ]);
  });

  it('fails when the YAML is broken, naming the file and line', () => {
    expect(lineOf('- { name: "a.example.com, type: TXT }\n')).toBe(
      `${FILE}:2:1: Missing closing "quote (not valid YAML) [MAILSPEC_FIXTURE_SYNTAX]`,
    );
  });

  it('fails when the file is not a list of records', () => {
    expect(lineOf('name: example.com\n')).toBe(
      `${FILE}:1:1: a zone file must be a list of records [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('fails when a record has no name', () => {
    expect(lineOf('- { name: example.com, type: TXT, data: x }\n- { type: TXT, data: x }\n')).toBe(
      `${FILE}:2:3: zone record 2: name is missing [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('fails when a record is not a mapping', () => {
    expect(lineOf('- just a string\n')).toBe(
      `${FILE}:1:3: zone record 1 must be a mapping with name, type and data [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('fails when the data of an MX record is a plain string', () => {
    expect(lineOf('- { name: mail.example.com, type: MX, data: "10 mx.example.com" }\n')).toBe(
      `${FILE}:1:45: zone record 1 (mail.example.com MX): MX data must be a mapping { exchange, priority } [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('fails when the type is unknown', () => {
    expect(lineOf('- { name: example.com, type: BOGUS, data: x }\n')).toBe(
      `${FILE}:1:30: zone record 1: type "BOGUS" must be one of A, AAAA, CNAME, MX, NS, TXT, PTR, SOA, SPF [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('fails when the rcode is unknown', () => {
    expect(lineOf('- { name: example.com, type: TXT, rcode: BANANA }\n')).toBe(
      `${FILE}:1:42: zone record 1: rcode "BANANA" must be one of SERVFAIL, REFUSED, TIMEOUT, NXDOMAIN [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('fails when a record has neither data nor an rcode', () => {
    expect(lineOf('- { name: example.com, type: TXT }\n')).toBe(
      `${FILE}:1:3: zone record 1 (example.com TXT): data is missing (or give rcode or nodata: true) [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('fails when a record has a key the zone does not know', () => {
    expect(lineOf('- { name: example.com, type: TXT, data: x, value: y }\n')).toBe(
      `${FILE}:1:3: zone record 1 has unknown key(s) value [MAILSPEC_FIXTURE_INVALID]`,
    );
  });
});
