import { LAYERS, reportedOutcome, type CheckResult } from '../types.js';
import { formatFinding } from './finding.js';
import { countOutcomes } from './summary.js';

/**
 * The JUnit XML report, as CI systems read it: one `<testsuite>` per layer, one `<testcase>`
 * per result named by its test path. fail is a `<failure>`, inconclusive an `<error>` (the
 * check could not run to a verdict), waived is `<skipped>` with its reason; warn passes and
 * carries its message in `<system-out>`.
 */
export function junitReport(results: CheckResult[], source: string): string {
  const suites = LAYERS.map((layer) => results.filter((r) => r.layer === layer))
    .filter((inLayer) => inLayer.length > 0)
    .map((inLayer) => testSuite(inLayer[0].layer, inLayer));
  const counts = countOutcomes(results);
  const attributes = {
    name: `mailspec (source: ${source})`,
    tests: results.length,
    failures: counts.fail,
    errors: counts.inconclusive,
    skipped: counts.waived,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${formatAttributes(attributes)}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testSuite(layer: string, results: CheckResult[]): string {
  const counts = countOutcomes(results);
  const attributes = {
    name: layer,
    tests: results.length,
    failures: counts.fail,
    errors: counts.inconclusive,
    skipped: counts.waived,
  };
  return [
    `  <testsuite${formatAttributes(attributes)}>`,
    ...results.map(testCase),
    '  </testsuite>',
  ].join('\n');
}

function testCase(result: CheckResult): string {
  const attributes = {
    name: result.path.join(' › '),
    classname: `${result.layer}.${result.check}`,
    ...(result.location ? { file: result.location.file, line: result.location.line } : {}),
  };
  const body = caseBody(result);
  const open = `    <testcase${formatAttributes(attributes)}`;
  return body ? `${open}>\n${body}\n    </testcase>` : `${open}/>`;
}

function caseBody(result: CheckResult): string | undefined {
  const outcome = reportedOutcome(result);
  if (outcome === 'fail' || outcome === 'inconclusive') {
    const tag = outcome === 'fail' ? 'failure' : 'error';
    const attributes = { message: result.message, type: outcome };
    return `      <${tag}${formatAttributes(attributes)}>${escapeXml(formatFinding(result))}</${tag}>`;
  }
  if (outcome === 'waived') {
    const { reason, expires } = result.waiver!;
    const message = `waived until ${expires}: ${reason} (really ${result.outcome}: ${result.message})`;
    return `      <skipped${formatAttributes({ message })}/>`;
  }
  if (outcome === 'warn')
    return `      <system-out>${escapeXml(formatFinding(result))}</system-out>`;
  return undefined;
}

function formatAttributes(attributes: Record<string, string | number>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value)).replace(/\n/g, '&#10;')}"`)
    .join('');
}

/** XML 1.0 escapes; characters XML 1.0 cannot carry at all (most C0 controls) are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
