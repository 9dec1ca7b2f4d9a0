import { createHash } from 'node:crypto';
import { reportedOutcome, type CheckResult, type Severity } from '../types.js';
import { fixOf } from './finding.js';

/**
 * SARIF 2.1.0 for code scanning (GitHub's upload-sarif accepts this subset). Each check that
 * has a result is a rule built from its metadata; each result that is not a pass is located
 * at the line of the expectations file that declared what it tests, so the alert lands on
 * the expectation. A waived result carries an external suppression with its reason.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function sarifReport(results: CheckResult[], source: string, version: string) {
  const rules = rulesOf(results);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mailspec',
            version,
            informationUri: 'https://www.npmjs.com/package/mailspec',
            rules,
          },
        },
        automationDetails: { id: 'mailspec/' },
        properties: { source },
        results: results
          .filter((result) => result.outcome !== 'pass')
          .map((result) => sarifResult(result, index.get(result.check)!)),
      },
    ],
  };
}

/** GitHub ranks code scanning alerts by this 0.0-10.0 score. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
};

function rulesOf(results: CheckResult[]) {
  const byId = new Map<string, CheckResult>();
  for (const result of results) if (!byId.has(result.check)) byId.set(result.check, result);
  return [...byId.values()].map((result) => ({
    id: result.check,
    name: result.check,
    shortDescription: { text: `${result.path.at(-2)}: ${checkTitle(result)}` },
    fullDescription: { text: result.remediation },
    help: { text: `${result.remediation} See ${result.reference}` },
    helpUri: result.reference,
    defaultConfiguration: { level: result.severity === 'low' ? 'warning' : 'error' },
    properties: {
      tags: ['mailspec', result.layer],
      'security-severity': SECURITY_SEVERITY[result.severity],
    },
  }));
}

/** The check's own title, without the ` › item` a result about one item adds to it. */
function checkTitle(result: CheckResult): string {
  const suffix = result.item ? ` › ${result.item}` : '';
  return suffix && result.title.endsWith(suffix)
    ? result.title.slice(0, -suffix.length)
    : result.title;
}

function sarifResult(result: CheckResult, ruleIndex: number) {
  const reported = reportedOutcome(result);
  const location = result.location;
  return {
    ruleId: result.check,
    ruleIndex,
    level: result.outcome === 'fail' ? 'error' : 'warning',
    message: { text: sarifMessage(result) },
    locations: location
      ? [
          {
            physicalLocation: {
              artifactLocation: { uri: location.file.split('\\').join('/') },
              region: { startLine: location.line, startColumn: location.column },
            },
          },
        ]
      : [],
    partialFingerprints: { 'mailspecResult/v1': fingerprint(result) },
    properties: { layer: result.layer, outcome: reported, subject: result.subject },
    ...(reported === 'waived'
      ? {
          suppressions: [
            {
              kind: 'external',
              justification: `${result.waiver!.reason} (until ${result.waiver!.expires})`,
            },
          ],
        }
      : {}),
  };
}

function sarifMessage(result: CheckResult): string {
  const parts = [sentence(`[${result.layer}] ${result.message}`)];
  if (result.expected) parts.push(sentence(`Expected: ${result.expected}`));
  if (result.found) parts.push(sentence(`Found: ${result.found}`));
  parts.push(sentence(`Fix: ${fixOf(result).replace('\n', '; ')}`));
  return parts.join(' ');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Stable across runs, so code scanning tracks one alert per check, subject, region and item. */
function fingerprint(result: CheckResult): string {
  const key = [result.check, result.subject, result.region ?? '', result.item ?? ''].join('\0');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
