import { describe, it, type TestContext } from 'vitest';
import type { CheckResult } from '../types.js';
import type { AuditRun } from './audit.js';
import type { SuiteRun } from './handoff.js';
import { formatFinding } from '../report/finding.js';

declare module 'vitest' {
  interface TaskMeta {
    mailspec?: CheckResult;
    /** The AWS call counts of the run, for `mailspec audit --verbose`. */
    mailspecStats?: AuditRun['stats'];
  }
}

/**
 * Turns the results of a run into vitest suites, one test per expectation, nested as
 * subject › region › group › title. fail and inconclusive fail the test (inconclusive is
 * labelled as such, never a pass); warn passes with an annotation; waived is skipped with
 * its reason and the real outcome.
 */
export function buildSuites(run: SuiteRun, title: string): void {
  describe(`${title} (source: ${run.source})`, () => {
    const tree = groupByPath(run.results);
    emit(tree, run.stats);
  });
}

interface Node {
  children: Map<string, Node>;
  results: CheckResult[];
}

function groupByPath(results: CheckResult[]): Node {
  const root: Node = { children: new Map(), results: [] };
  for (const result of results) {
    let node = root;
    for (const word of result.path.slice(0, -1)) {
      let child = node.children.get(word);
      if (!child) {
        child = { children: new Map(), results: [] };
        node.children.set(word, child);
      }
      node = child;
    }
    node.results.push(result);
  }
  return root;
}

function emit(node: Node, stats: AuditRun['stats']): void {
  for (const result of node.results) {
    it(result.path.at(-1)!, (context) => settle(result, stats, context));
  }
  for (const [word, child] of node.children) describe(word, () => emit(child, stats));
}

function settle(result: CheckResult, stats: AuditRun['stats'], context: TestContext): void {
  context.task.meta.mailspec = result;
  context.task.meta.mailspecStats = stats;
  if (result.waiver && result.outcome !== 'pass') {
    context.skip(
      `waived until ${result.waiver.expires}: ${result.waiver.reason} (really ${result.outcome}: ${result.message})`,
    );
    return;
  }
  if (result.outcome === 'warn') {
    void context.annotate(result.message, 'warning');
    return;
  }
  if (result.outcome === 'fail' || result.outcome === 'inconclusive') {
    const error = new Error(formatFinding(result));
    error.name = result.outcome === 'fail' ? 'ExpectationFailed' : 'Inconclusive';
    // The stack would point into mailspec, not at the cause: the finding says where to look.
    error.stack = `${error.name}: ${error.message}`;
    throw error;
  }
}
