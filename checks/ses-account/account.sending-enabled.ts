import { describeFailure } from '../../src/aws/gateway.js';
import { collectAccount, type AccountFacts } from '../../src/collect/account.js';
import { bool, field } from '../../src/collect/fields.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';

/** Passes when sending in the region is enabled (or paused, where the expectation says so). */
export default defineCheck({
  meta: {
    id: 'account.sending-enabled',
    layer: 'ses-account',
    severity: 'critical',
    group: 'account',
    title: 'sending is enabled',
    remediation:
      'If AWS paused sending, fix the cause named in the SES console (Account dashboard) and ask AWS Support to resume it; if you paused it yourself, resume with aws sesv2 put-account-sending-attributes --sending-enabled.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/manage-sending-status.html',
  },
  scope: 'region',
  collect: ({ region }, ctx) => collectAccount(ctx, region),
  evaluate({ region, expectation }, account: AccountFacts) {
    if (!account.ok) {
      return inconclusive(
        `SES account in ${region} could not be read: ${describeFailure(account)}`,
      );
    }

    // An answer without the field says nothing either way; reading it as false would fail a
    // healthy account on a partial response.
    const read = field(account.value, 'SendingEnabled', bool);
    if (!read.ok) return inconclusive(`GetAccount answer in ${region} has ${read.problem}`);
    const enabled = read.value;
    if (enabled === undefined) {
      return inconclusive(`SES account in ${region} answered GetAccount without SendingEnabled`);
    }
    const wanted = expectation?.sending_enabled ?? true;
    const found = `SendingEnabled ${enabled}`;
    if (enabled === wanted) {
      return pass(
        enabled
          ? `SES account in ${region} has sending enabled`
          : `SES account in ${region} has sending paused, as declared`,
        { found },
      );
    }
    return fail(
      enabled
        ? `SES account in ${region} has sending enabled, though the expectation declares it paused`
        : `SES account in ${region} has sending paused, so SES accepts no message there`,
      { expected: `SendingEnabled ${wanted}`, found },
    );
  },
});
