import {
  isAlias,
  isCollection,
  isPair,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { MailspecError, type SourceLocation } from '../errors.js';

type At = (offset: number) => SourceLocation;

/**
 * Every syntax problem of a parsed document, one error each: the parser's errors and
 * warnings (an unknown tag), and keys that are lists or mappings, which the yaml package
 * would only stringify with a warning on the terminal.
 */
export function syntaxProblems(doc: Document, text: string, at: At): MailspecError[] {
  const reported = [...doc.errors, ...doc.warnings].map((error) => {
    const opening = unclosedOpening(doc, text, error);
    return opening === undefined
      ? syntaxError(firstLine(error), at(error.pos[0]))
      : syntaxError(`this "${text[opening]}" is never closed`, at(opening));
  });

  // A key inside such a key starts at the same place: one problem per place.
  const keyStarts = new Set<number>();
  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && isCollection(pair.key) && pair.key.range) {
        keyStarts.add(pair.key.range[0]);
      }
    },
  });
  const message = 'a list or mapping cannot be a key; keys are plain words such as domains';
  return [...reported, ...[...keyStarts].map((start) => syntaxError(message, at(start)))];
}

/**
 * The yaml package refuses aliases that expand past a limit (a "billion laughs" file) with
 * a ReferenceError and no position. The alias to blame is the first one whose anchor itself
 * holds aliases: nesting is what multiplies the size.
 */
export function aliasExpansionError(doc: Document, at: At): MailspecError {
  const aliases: Node[] = [];
  const anchored = new Map<string, Node>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) aliases.push(node);
      else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  const nested = aliases.find((alias) => {
    const source = isAlias(alias) ? anchored.get(alias.source) : undefined;
    return source !== undefined && holdsAlias(source);
  });
  const blamed = nested ?? aliases[0];
  return syntaxError(
    'aliases expand to too many values (as in a "billion laughs" file); write the values out instead',
    at(blamed?.range?.[0] ?? 0),
  );
}

function holdsAlias(node: Node): boolean {
  let found = false;
  visit(node, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

function syntaxError(message: string, location: SourceLocation): MailspecError {
  return new MailspecError('MAILSPEC_CONFIG_SYNTAX', `invalid YAML: ${message}`, location);
}

function firstLine(error: YAMLError): string {
  return error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * An unclosed `[` or `{` is reported by the parser where the file or the block ends, lines
 * after the mistake: this finds the bracket that opened it.
 */
function unclosedOpening(doc: Document, text: string, error: YAMLError): number | undefined {
  if (error.code !== 'BAD_INDENT' || !/^Flow (sequence|map)/.test(error.message)) return undefined;
  let opening: number | undefined;
  visit(doc, {
    Node(_key, node) {
      if (opening !== undefined || !isCollection(node) || !node.flow || !node.range) return;
      const [start, end] = node.range;
      const close = text[start] === '[' ? ']' : '}';
      if (start < error.pos[0] && !text.slice(start, end).trimEnd().endsWith(close)) {
        opening = start;
      }
    },
  });
  return opening;
}
