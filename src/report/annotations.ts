import { isAbsolute, relative, resolve } from 'node:path';
import type { SourceLocation } from '../errors.js';
import { reportedOutcome, type CheckResult } from '../types.js';
import { formatFinding } from './finding.js';

/** Where relative file names start from, and the folder GitHub's file= is relative to. */
export interface AnnotationPaths {
  cwd: string;
  /** GITHUB_WORKSPACE, the checkout; the cwd when unset. */
  workspace?: string;
}

/**
 * GitHub Actions workflow commands, one per result that needs attention: `::error` for a
 * fail, `::warning` for a warn or an inconclusive. Each points at the line of the
 * expectations file that declared the expectation, so the pull request shows it there.
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
export function githubAnnotations(
  results: CheckResult[],
  paths: AnnotationPaths = { cwd: process.cwd() },
): string[] {
  return results.flatMap((result) => {
    const outcome = reportedOutcome(result);
    if (outcome === 'pass' || outcome === 'waived') return [];
    const command = outcome === 'fail' ? 'error' : 'warning';
    const properties = result.location ? locationProperties(result.location, paths) : [];
    properties.push(['title', `mailspec ${outcome}: ${result.check} (${result.layer})`]);
    const formatted = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
    return [`::${command} ${formatted.join(',')}::${escapeData(formatFinding(result))}`];
  });
}

/**
 * An expectations file that cannot be loaded, annotated at the line at fault, so the pull
 * request that broke the file shows where.
 */
export function configErrorAnnotation(
  location: SourceLocation,
  message: string,
  paths: AnnotationPaths,
): string {
  const properties = locationProperties(location, paths);
  properties.push(['title', 'mailspec: the expectations file is invalid']);
  const formatted = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::error ${formatted.join(',')}::${escapeData(message)}`;
}

/**
 * GitHub places an annotation by its path in the repository, so file= is relative to the
 * workspace, whatever folder the file was named from. A file outside it keeps its full path.
 */
function locationProperties(
  location: SourceLocation,
  paths: AnnotationPaths,
): [string, string | number][] {
  const absolute = resolve(paths.cwd, location.file);
  const inWorkspace = relative(resolve(paths.cwd, paths.workspace ?? '.'), absolute);
  const outside = inWorkspace.startsWith('..') || isAbsolute(inWorkspace);
  const file = (outside ? absolute : inWorkspace).split('\\').join('/');
  return [
    ['file', file],
    ['line', location.line],
    ['col', location.column],
  ];
}

/** The message part: %, CR and LF are escaped (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as the message, plus the `:` and `,` that delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
