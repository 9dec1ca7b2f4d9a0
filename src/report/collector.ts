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

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.meta().mailspec;
    if (result) this.results.push(result);
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
