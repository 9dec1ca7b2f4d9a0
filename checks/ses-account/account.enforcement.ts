import { describeFailure } from '../../src/aws/gateway.js';
import { collectAccount, type AccountFacts } from '../../src/collect/account.js';
import { field, text } from '../../src/collect/fields.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';

/** Passes when the account's enforcement status in the region is HEALTHY. */
export default defineCheck({
  meta: {
    id: 'account.enforcement',
    layer: 'ses-account',
    severity: 'high',
    group: 'account',
    title: 'enforcement status is healthy',
    remediation:
      'Read the notice AWS sent about the review, bring the bounce and complaint rates down (clean the list, honour unsubscribes) and answer the case in the SES console before the review period ends.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html',
  },
  scope: 'region',
  collect: ({ region }, ctx) => collectAccount(ctx, region),
  evaluate({ region }, account: AccountFacts) {
    if (!account.ok) {
      return inconclusive(
        `SES account in ${region} could not be read: ${describeFailure(account)}`,
      );
    }

    const read = field(account.value, 'EnforcementStatus', text);
    if (!read.ok) return inconclusive(`GetAccount answer in ${region} has ${read.problem}`);
    const status = read.value;
    const found = `EnforcementStatus ${status ?? '(absent)'}`;
    const expected = 'EnforcementStatus HEALTHY';
    switch (status) {
      case 'HEALTHY':
        return pass(`SES account in ${region} is in good standing (HEALTHY)`, { found });
      case 'PROBATION':
        // Probation still sends; it is the warning before AWS pauses sending.
        return warn(`SES account in ${region} is under review (PROBATION)`, { expected, found });
      case 'SHUTDOWN':
        return fail(`SES account in ${region} has sending shut down by AWS (SHUTDOWN)`, {
          expected,
          found,
        });
      default:
        return inconclusive(
          `SES account in ${region} reports an enforcement status mailspec does not know (${status ?? 'absent'})`,
          { expected, found },
        );
    }
  },
});
