import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  LineCounter,
  isCollection,
  isMap,
  isScalar,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { MailspecError, type SourceLocation } from '../errors.js';
import { expectationsSchema, type Expectations } from './schema.js';
import { describeIssue } from './issues.js';
import { duplicateProblems } from './duplicates.js';
import { mailFromProblems } from './mail-from.js';
import { aliasExpansionError, syntaxProblems } from './yaml-problems.js';

/** A validated expectations file, with the way back from a key path to its line. */
export interface LoadedExpectations {
  /** The path as given (relative paths stay relative, so messages stay short). */
  file: string;
  /** The folder the file is in; `source:` paths are relative to it. */
  dir: string;
  expectations: Expectations;
  locate(path: readonly (string | number)[]): SourceLocation;
}

/** Thrown for a file with one or more problems; `problems` holds one line each. */
export class ConfigError extends MailspecError {
  constructor(readonly problems: MailspecError[]) {
    super(problems[0].code, problems[0].message, problems[0].location);
  }

  override toLine(): string {
    return this.problems.map((problem) => problem.toLine()).join('\n');
  }
}

/** Reads and validates a file; `shownAs` is the name used in messages (default: `file`). */
export function loadExpectations(file: string, shownAs = file): LoadedExpectations {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new MailspecError('MAILSPEC_CONFIG_NOT_FOUND', `expectations file ${shownAs} ${reason}`);
  }
  const loaded = parseExpectations(text, shownAs);
  return { ...loaded, dir: dirname(resolve(file)) };
}

export function parseExpectations(text: string, file: string): LoadedExpectations {
  const lineCounter = new LineCounter();
  // merge: `<<: *anchor` keys are merged, as most YAML tools do (YAML 1.1 merge keys).
  // logLevel: the package warns on the terminal; its warnings become problems here instead.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    merge: true,
    logLevel: 'silent',
  });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  const syntax = syntaxProblems(doc, text, at);
  if (syntax.length > 0) throw new ConfigError(sortByLine(syntax));
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new MailspecError('MAILSPEC_CONFIG_EMPTY', `expectations file ${file} is empty`, at(0));
  }
  if (!isMap(doc.contents)) {
    throw new MailspecError(
      'MAILSPEC_CONFIG_INVALID',
      'the expectations file must be a mapping of keys (source, domains, …)',
      at(doc.contents.range?.[0] ?? 0),
    );
  }

  const locate = (path: readonly (string | number)[]) => locateNode(doc, path, at);
  const data = toData(doc, at);
  const parsed = expectationsSchema.safeParse(data);
  const problems = duplicateProblems(data, locate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const described = describeIssue(issue, data);
      const path = issue.path as (string | number)[];
      const parentPath = issue.code === 'invalid_key' ? path.slice(0, -1) : path;
      const location = described.keyName
        ? locateKey(doc, parentPath, described.keyName, at)
        : locate(issue.path as (string | number)[]);
      problems.push(new MailspecError(described.code, described.message, location));
    }
  }
  if (parsed.success) problems.push(...mailFromProblems(parsed.data, locate));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(sortByLine(problems));

  return { file, dir: dirname(resolve(file)), expectations: parsed.data, locate };
}

function toData(doc: Document, at: (offset: number) => SourceLocation): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    if (error instanceof ReferenceError && /Excessive alias count/.test(error.message)) {
      throw new ConfigError([aliasExpansionError(doc, at)]);
    }
    throw error;
  }
}

function sortByLine(problems: MailspecError[]): MailspecError[] {
  return problems.sort(
    (a, b) =>
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
}

/** The deepest node on the path that exists: a missing key points at its parent. */
function locateNode(
  doc: Document,
  path: readonly (string | number)[],
  at: (offset: number) => SourceLocation,
): SourceLocation {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    // A block mapping or list under a key starts on the line after it: the key declares it.
    const key = isCollection(node) ? keyNode(doc, path.slice(0, depth)) : undefined;
    if (key?.range) return at(key.range[0]);
    if (node && typeof node === 'object' && 'range' in node && node.range) return at(node.range[0]);
  }
  return at(0);
}

function keyNode(doc: Document, path: readonly (string | number)[]): Node | undefined {
  const last = path.at(-1);
  if (typeof last !== 'string') return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === last);
  return pair?.key as Node | undefined;
}

/** The position of a key itself (for an unknown key), not of its value. */
function locateKey(
  doc: Document,
  path: (string | number)[],
  key: string,
  at: (offset: number) => SourceLocation,
): SourceLocation {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const range = (pair?.key as Node | undefined)?.range;
    if (range) return at(range[0]);
  }
  return locateNode(doc, path, at);
}

/** A path shown relative to the working folder, as the user would type it. */
export function displayPath(file: string): string {
  const shown = relative(process.cwd(), resolve(file));
  return shown.startsWith('..') ? resolve(file) : shown;
}
