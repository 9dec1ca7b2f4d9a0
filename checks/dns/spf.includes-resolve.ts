import type { SpfBranch, SpfDomain } from '../../src/collect/spf.js';
import { describeStatus, isUndecided, joinedTxt } from '../../src/dns/answer.js';
import { fail, inconclusive, pass } from '../../src/engine/check.js';
import {
  describeAnswer,
  describeDomain,
  hasValidRecord,
  visitBranches,
} from '../../src/spf/tree.js';
import { defineSpfCheck } from '../../src/spf/check.js';
import type { Outcome } from '../../src/types.js';

/**
 * Passes, per domain, when every include and redirect target of its SPF tree publishes
 * exactly one valid SPF record: one that does not makes the whole evaluation a permerror.
 */
export default defineSpfCheck(
  {
    id: 'spf.includes-resolve',
    layer: 'dns',
    severity: 'high',
    group: 'SPF',
    title: 'every include target has a record',
    remediation:
      'Remove the include or redirect of a domain that publishes no SPF record (a service no longer used, or a misspelt name), or correct the name to the one the service documents.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7208#section-5.2',
  },
  judge,
);

function judge(spf: SpfDomain): Outcome[] {
  if (!hasValidRecord(spf.policy)) return [];
  const name = describeDomain(spf);
  const item = spf.domain;
  const expected = 'one valid SPF record at every include and redirect target';

  const walked = visitBranches(spf.policy).filter(({ branch }) => branch.policy);
  for (const { branch, from } of walked) {
    const problem = problemOf(branch);
    const at = from.policy.domain;
    if (problem) {
      return [
        fail(
          `${branch.term} in the SPF tree of ${name} (at ${at}) names ${problem}, so receivers return permerror`,
          {
            item,
            expected,
            found: `${branch.target}: ${problem}`,
          },
        ),
      ];
    }
  }

  const undecided = walked.filter(({ branch }) => isUndecided(branch.policy!.txt));
  if (undecided.length > 0) {
    const answers = undecided.map(({ branch }) => describeAnswer(branch.policy!.txt));
    return [
      inconclusive(
        `the include targets of the SPF tree of ${name} could not all be resolved (${answers.join('; ')})`,
        {
          item,
          expected,
        },
      ),
    ];
  }
  if (walked.length === 0) {
    return [pass(`the SPF record of ${name} includes no other domain`, { item })];
  }
  const targets = walked.map(({ branch }) => branch.target);
  return [
    pass(
      `every include and redirect target of the SPF tree of ${name} publishes one valid SPF record (${walked.length} checked)`,
      {
        item,
        found: targets.join(', '),
      },
    ),
  ];
}

/** Why a walked target breaks evaluation, in words; undefined when its record is sound. */
function problemOf(branch: SpfBranch): string | undefined {
  const { txt, records, parsed } = branch.policy!;
  if (isUndecided(txt)) return undefined;
  if (records.length === 0) {
    const others = joinedTxt(txt).length;
    return `a domain with no SPF record (${others > 0 ? `${others} other TXT record(s)` : describeStatus(txt)})`;
  }
  if (records.length > 1) return `a domain with ${records.length} SPF records`;
  if (parsed && !parsed.ok) return `a domain whose SPF record is invalid (${parsed.reason})`;
  return undefined;
}
