import { describeFailure } from '../../src/aws/gateway.js';
import {
  collectSuppressedDestination,
  type SuppressedDestinationFacts,
} from '../../src/collect/suppression.js';
import { fields, pastTime, text } from '../../src/collect/fields.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import type { Outcome } from '../../src/types.js';

export type MustReachFacts = { address: string; entry: SuppressedDestinationFacts }[];

/**
 * Passes for each must-reach address that is not on the region's account-level suppression
 * list: SES drops mail to a listed address without an error to the sender.
 */
export default defineCheck({
  meta: {
    id: 'suppression.must-reach',
    layer: 'suppression',
    severity: 'high',
    group: 'suppression',
    title: 'must-reach address is not suppressed',
    remediation:
      'Find out why the address was suppressed (the bounce or complaint it came from), fix the cause with the recipient, then remove the entry with aws sesv2 delete-suppressed-destination --email-address ADDRESS --region REGION.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html',
  },
  scope: 'region',
  appliesTo: ({ expectation }) => (expectation?.suppression?.must_reach.length ?? 0) > 0,
  collect: ({ region, expectation }, ctx): Promise<MustReachFacts> =>
    Promise.all(
      (expectation?.suppression?.must_reach ?? []).map(async (address) => ({
        address,
        entry: await collectSuppressedDestination(ctx, region, address),
      })),
    ),
  evaluate({ region }, facts: MustReachFacts, { now }) {
    return facts.map(({ address, entry }) => judgeAddress(region, address, entry, now()));
  },
});

function judgeAddress(
  region: string,
  address: string,
  entry: SuppressedDestinationFacts,
  now: Date,
): Outcome {
  const item = address;
  if (!entry.ok && entry.kind === 'not-found') {
    return pass(`${address} is not on the account-level suppression list in ${region}`, {
      item,
      found: 'GetSuppressedDestination: NotFoundException',
    });
  }
  if (!entry.ok) {
    return inconclusive(
      `Suppression list entry for ${address} in ${region} could not be read: ${describeFailure(entry)}`,
      { item },
    );
  }

  const read = fields(entry.value, {
    reason: ['SuppressedDestination.Reason', text],
    updated: ['SuppressedDestination.LastUpdateTime', pastTime(now)],
    messageId: ['SuppressedDestination.Attributes.MessageId', text],
    feedbackId: ['SuppressedDestination.Attributes.FeedbackId', text],
  });
  if (!read.ok) {
    return inconclusive(
      `GetSuppressedDestination answer for ${address} in ${region} has ${read.problem}`,
      { item },
    );
  }
  const { reason = 'an unknown reason', updated, messageId, feedbackId } = read.value;
  const added = updated ? updated.toISOString().slice(0, 10) : 'an unknown date';
  const found = [
    `Reason ${reason}`,
    `LastUpdateTime ${updated ? updated.toISOString() : '(absent)'}`,
    ...(messageId ? [`MessageId ${messageId}`] : []),
    ...(feedbackId ? [`FeedbackId ${feedbackId}`] : []),
  ].join(', ');
  return fail(
    `${address} is on the account-level suppression list in ${region} for ${reason} since ${added}, so SES drops every message to it; once the cause is fixed, remove it with aws sesv2 delete-suppressed-destination --email-address ${address} --region ${region}`,
    { item, expected: `${address} absent from the suppression list in ${region}`, found },
  );
}
