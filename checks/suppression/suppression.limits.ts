import type { SuppressionListReason } from '@aws-sdk/client-sesv2';
import { describeFailure } from '../../src/aws/gateway.js';
import {
  countSuppressedDestinations,
  type SuppressionCount,
} from '../../src/collect/suppression.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import type { RegionExpectation } from '../../src/config/schema.js';
import type { Outcome } from '../../src/types.js';

export type LimitsFacts = {
  reason: SuppressionListReason;
  max: number;
  counted: SuppressionCount;
}[];

/**
 * Passes when the region's account-level suppression list holds at most the declared number
 * of entries per reason (since `suppression.since`, when given): a growing list means a
 * campaign reached people who did not want it or addresses that do not exist.
 */
export default defineCheck({
  meta: {
    id: 'suppression.limits',
    layer: 'suppression',
    severity: 'medium',
    group: 'suppression',
    title: 'entries stay under the declared maximum',
    remediation:
      'Review the recent campaigns behind the new entries (list them with aws sesv2 list-suppressed-destinations --reasons COMPLAINT), clean the mailing list and honour unsubscribes before sending again.',
    reference:
      'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_ListSuppressedDestinations.html',
  },
  scope: 'region',
  appliesTo: ({ expectation }) => limitsOf(expectation).length > 0,
  collect({ region, expectation }, ctx): Promise<LimitsFacts> {
    const since = expectation?.suppression?.since;
    const start = since ? new Date(`${since}T00:00:00Z`) : undefined;
    return Promise.all(
      limitsOf(expectation).map(async ({ reason, max }) => ({
        reason,
        max,
        counted: await countSuppressedDestinations(ctx, region, reason, start),
      })),
    );
  },
  evaluate({ region, expectation }, facts: LimitsFacts) {
    const since = expectation?.suppression?.since;
    return facts.map((fact) => judgeReason(region, since, fact));
  },
});

function limitsOf(expectation: RegionExpectation | undefined) {
  const max = expectation?.suppression?.max;
  const limits: { reason: SuppressionListReason; max: number }[] = [];
  if (max?.complaint !== undefined) limits.push({ reason: 'COMPLAINT', max: max.complaint });
  if (max?.bounce !== undefined) limits.push({ reason: 'BOUNCE', max: max.bounce });
  return limits;
}

function judgeReason(
  region: string,
  since: string | undefined,
  { reason, max, counted }: LimitsFacts[number],
): Outcome {
  const item = reason;
  const list = `account-level suppression list in ${region}`;
  const window = since ? ` since ${since}` : '';
  if (!counted.ok) {
    const why =
      'failure' in counted
        ? describeFailure(counted.failure)
        : 'problem' in counted
          ? counted.problem
          : `SES served the same page token twice after ${counted.pages} pages`;
    return inconclusive(`${reason} entries on the ${list} could not be counted: ${why}`, {
      item,
    });
  }

  const found = `${counted.count} ${reason} entries${window} (${counted.pages} pages)`;
  const expected = `at most ${max} ${reason} entries${window}`;
  const holds = `The ${list} holds ${counted.count} ${reason} entries${window}`;
  if (counted.count <= max) return pass(`${holds}, at most ${max} allowed`, { item, found });
  return fail(`${holds}, more than the ${max} allowed`, { item, expected, found });
}
