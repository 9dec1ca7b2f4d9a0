// Sums vitest's JSON reports of every pass into the one line CI reads: "N passed, N failed".
// A pass that wrote no report (crashed, or could not start) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const label of ['node20', 'node24']) {
  const file = join(dir, `${label}.json`);
  if (!existsSync(file)) {
    console.log(`${label}: no test report was written`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const suiteErrors = report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
  console.log(
    `${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped, ${suiteErrors} files failed to load`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + suiteErrors;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
