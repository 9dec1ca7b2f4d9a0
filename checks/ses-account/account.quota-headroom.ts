import { describeFailure } from '../../src/aws/gateway.js';
import { collectAccount, type AccountFacts } from '../../src/collect/account.js';
import { count, fields, type Kind } from '../../src/collect/fields.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';

/** The schema's default, for regions that have no `regions.<name>` block. */
const DEFAULT_HEADROOM_PERCENT = 20;

/**
 * Passes when the messages sent in the last 24 hours leave at least `quota_headroom_percent`
 * of the region's 24-hour quota free; a Max24HourSend of -1 means the quota is unlimited.
 */
export default defineCheck({
  meta: {
    id: 'account.quota-headroom',
    layer: 'ses-account',
    severity: 'medium',
    group: 'account',
    title: 'the 24-hour quota has headroom',
    remediation:
      'Request a higher sending quota for this region (Service Quotas › Amazon SES › Sending quota) before the next campaign, or spread the campaign over more days.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html',
  },
  scope: 'region',
  collect: ({ region }, ctx) => collectAccount(ctx, region),
  evaluate({ region, expectation }, account: AccountFacts) {
    if (!account.ok) {
      return inconclusive(
        `SES account in ${region} could not be read: ${describeFailure(account)}`,
      );
    }

    const read = fields(account.value, {
      max: ['SendQuota.Max24HourSend', quota],
      sent: ['SendQuota.SentLast24Hours', count],
    });
    if (!read.ok) return inconclusive(`GetAccount answer in ${region} has ${read.problem}`);
    const { max, sent } = read.value;
    if (max === undefined || sent === undefined) {
      return inconclusive(`SES account in ${region} reported no sending quota`);
    }
    const found = `SentLast24Hours ${sent}, Max24HourSend ${max}`;
    if (max === -1) {
      return pass(`SES account in ${region} has an unlimited 24-hour quota`, { found });
    }

    const wanted = expectation?.quota_headroom_percent ?? DEFAULT_HEADROOM_PERCENT;
    const headroom = max > 0 ? ((max - sent) / max) * 100 : 0;
    const shown = `${round(headroom)}% headroom, at least ${wanted}% expected`;
    const used = `SES account in ${region} has sent ${sent} of its ${max} messages in the last 24 hours`;
    if (headroom >= wanted) return pass(`${used} (${shown})`, { found });
    return fail(`${used} (${shown})`, {
      expected: `SentLast24Hours at most ${Math.floor(max * (1 - wanted / 100))}`,
      found,
    });
  },
});

/** A quota is a count, or -1 for unlimited (SES API v2 reference, SendQuota). */
const quota: Kind<number> = {
  wanted: 'a number of 0 or more, or -1 (unlimited)',
  parse: (value) => (value === -1 ? { value } : count.parse(value)),
};

function round(percent: number): number {
  return Math.max(0, Math.floor(percent * 10) / 10);
}
