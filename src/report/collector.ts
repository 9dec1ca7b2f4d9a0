import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { CheckResult } from '../types.js';

/**
 * A vitest reporter that prints nothing: it gathers the CheckResult each audit test carries
 * in its meta, and any error that kept a spec file from running, for the exit code and
 * the machine-readable reports.
 */
export class ResultCollector implements Reporter {
  readonly results: CheckResult[] = [];
  readonly loadErrors: string[] = [];
  /** The AWS call counts of the run; every test carries the same, the last one read is kept. */
  stats: { callsMade: number; callsDistinct: number; retries: number } | undefined;

  onTestCaseResult(testCase: TestCase): void {
    const { mailspec: result, mailspecStats: stats } = testCase.meta();
    if (result) this.results.push(result);
    if (stats) this.stats = stats;
  }

  onTestModuleEnd(module: TestModule): void {
    for (const error of module.errors()) this.loadErrors.push(error.message.split('\n')[0]);
  }

  onTestRunEnd(
    _modules: ReadonlyArray<TestModule>,
    unhandled: ReadonlyArray<{ message: string }>,
  ): void {
    for (const error of unhandled) this.loadErrors.push(error.message.split('\n')[0]);
  }
}
