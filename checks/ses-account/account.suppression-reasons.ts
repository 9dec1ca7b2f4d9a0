import { describeFailure } from '../../src/aws/gateway.js';
import { collectAccount, type AccountFacts } from '../../src/collect/account.js';
import { field, texts } from '../../src/collect/fields.js';
import { defineCheck, inconclusive, pass } from '../../src/engine/check.js';

const WORDS: Record<string, string> = { BOUNCE: 'hard bounces', COMPLAINT: 'complaints' };

/**
 * Says which reasons put an address on the region's account-level suppression list. It is
 * informative and passes whatever the setting: the list explains silently dropped mail.
 */
export default defineCheck({
  meta: {
    id: 'account.suppression-reasons',
    layer: 'ses-account',
    severity: 'low',
    group: 'account',
    title: 'suppression list reasons',
    remediation:
      'Choose the reasons with aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT; keep both unless your own list management handles bounces and complaints.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html',
  },
  scope: 'region',
  collect: ({ region }, ctx) => collectAccount(ctx, region),
  evaluate({ region }, account: AccountFacts) {
    if (!account.ok) {
      return inconclusive(
        `SES account in ${region} could not be read: ${describeFailure(account)}`,
      );
    }

    // No attributes at all is a partial answer, not "no reasons set" (that is an empty list).
    const read = field(account.value, 'SuppressionAttributes.SuppressedReasons', texts);
    if (!read.ok) return inconclusive(`GetAccount answer in ${region} has ${read.problem}`);
    const listed = read.value;
    if (listed === undefined) {
      return inconclusive(
        `SES account in ${region} answered GetAccount without SuppressionAttributes.SuppressedReasons`,
      );
    }
    const reasons = [...listed].sort();
    const found = `SuppressedReasons [${reasons.join(', ')}]`;
    if (reasons.length === 0) {
      return pass(
        `SES account-level suppression list in ${region} adds no address (no reasons set)`,
        { found },
      );
    }
    const named = reasons.map((reason) => WORDS[reason] ?? reason).join(' and ');
    return pass(`SES account-level suppression list in ${region} adds addresses after ${named}`, {
      found,
    });
  },
});
