import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { MailspecError, type SourceLocation } from '../errors.js';
import { ZONE_RCODES, type ZoneRecord } from './zone.js';

const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'PTR', 'SOA', 'SPF'] as const;

const mx = z.strictObject({
  exchange: z.string().min(1),
  priority: z.number().int().min(0).max(65535),
});

const recordSchema = z.strictObject({
  name: z.string().trim().min(1, 'must be a non-empty name'),
  type: z.enum(TYPES, `must be one of ${TYPES.join(', ')}`),
  data: z.union([z.string(), z.array(z.string()), mx]).optional(),
  ttl: z.number().int().min(0).optional(),
  rcode: z.enum(ZONE_RCODES, `must be one of ${ZONE_RCODES.join(', ')}`).optional(),
  nodata: z.literal(true).optional(),
});

/**
 * `<fixture>/dns/*.yaml`, each a list of zone records, validated as they are read: a record
 * the loopback server cannot encode would otherwise crash it mid-run, or answer wrongly.
 * Errors are one line naming the file, line and column.
 */
export function loadZone(dir: string): ZoneRecord[] {
  const dnsDir = join(dir, 'dns');
  if (!existsSync(dnsDir)) return [];
  return readdirSync(dnsDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => parseZoneFile(readFileSync(join(dnsDir, name), 'utf8'), join(dnsDir, name)));
}

export function parseZoneFile(text: string, file: string): ZoneRecord[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'silent' });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  const syntax = doc.errors[0];
  if (syntax) {
    const message = `${syntax.message.split('\n')[0]} (not valid YAML)`;
    throw new MailspecError('MAILSPEC_FIXTURE_SYNTAX', message, at(syntax.pos[0]));
  }
  const records: unknown = doc.toJS();
  if (records === null || records === undefined) return [];
  if (!Array.isArray(records)) {
    throw invalid('a zone file must be a list of records', at(0));
  }
  return records.map((record, index) => validateRecord(record, index, doc, at));
}

function validateRecord(
  value: unknown,
  index: number,
  doc: Document,
  at: (offset: number) => SourceLocation,
): ZoneRecord {
  const where = (path: (string | number)[]) => at(rangeStart(doc, [index, ...path]));
  const label = `zone record ${index + 1}`;
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path as (string | number)[];
    if (path.length === 0) {
      const what = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
      const message = what
        ? `${label} has unknown key(s) ${what}`
        : `${label} must be a mapping with name, type and data`;
      throw invalid(message, where([]));
    }
    const field = path.join('.');
    const found = path.reduce<unknown>((node, key) => (node as never)?.[key], value);
    const shown = found === undefined ? '' : ` ${JSON.stringify(found)}`;
    const problem = found === undefined ? 'is missing' : issue.message;
    throw invalid(`${label}: ${field}${shown} ${problem}`, where(path));
  }

  const record = parsed.data as ZoneRecord;
  const problem = dataProblem(record);
  if (problem)
    throw invalid(`${label} (${record.name} ${record.type}): ${problem}`, where(['data']));
  return record;
}

/** What is wrong with the data of a record for its type, if anything. */
function dataProblem(record: ZoneRecord): string | undefined {
  if (record.rcode || record.nodata) return undefined;
  const { data, type } = record;
  if (data === undefined) return 'data is missing (or give rcode or nodata: true)';
  if (type === 'MX') {
    return typeof data === 'object' && !Array.isArray(data)
      ? undefined
      : 'MX data must be a mapping { exchange, priority }';
  }
  if (type === 'TXT' || type === 'SPF') {
    return typeof data === 'object' && !Array.isArray(data)
      ? `${type} data must be a string or a list of strings`
      : undefined;
  }
  return typeof data === 'string' ? undefined : `${type} data must be one name or address`;
}

/** Where the deepest existing node of the path starts in the file. */
function rangeStart(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return node.range[0];
  }
  return 0;
}

function invalid(message: string, location: SourceLocation): MailspecError {
  return new MailspecError('MAILSPEC_FIXTURE_INVALID', message, location);
}
