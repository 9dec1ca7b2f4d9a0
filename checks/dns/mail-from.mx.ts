import { mailFromFor } from '../../src/config/mail-from.js';
import { collectMailFromMx, exchanges, feedbackRegion } from '../../src/collect/mail-from.js';
import { describeStatus, isUndecided, type DnsAnswer } from '../../src/dns/answer.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import { feedbackMx } from '../../src/ses/regions.js';

/**
 * Passes when the MX of the custom MAIL FROM domain is exactly the SES feedback endpoint of
 * the region (`feedback-smtp.<region>.amazonses.com`), which SES looks for before using it.
 */
export default defineCheck({
  meta: {
    id: 'mail-from.mx',
    layer: 'dns',
    severity: 'high',
    group: 'MAIL FROM',
    title: 'MX points at the feedback endpoint of the region',
    remediation:
      'Publish one MX record at the MAIL FROM domain pointing at feedback-smtp.<region>.amazonses.com of the region that sends; a MAIL FROM domain serves one region, so give each region its own MAIL FROM subdomain (mail_from.regions in expectations.yaml).',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/mail-from.html',
  },
  scope: 'domain-region',
  appliesTo: (subject) => subject.domain.mail_from !== undefined,
  collect: (subject, ctx) =>
    collectMailFromMx(ctx, mailFromFor(subject.domain, subject.region) ?? ''),
  evaluate({ domain: expectation, region }, mx: DnsAnswer) {
    const mailFrom = mailFromFor(expectation, region);
    if (!mailFrom) return [];
    const subject = `MAIL FROM domain ${mailFrom} of ${expectation.domain}`;
    const wanted = feedbackMx(region);
    const expected = `MX ${wanted} (only)`;

    if (isUndecided(mx)) {
      return inconclusive(`the MX of ${subject} could not be resolved (${describeStatus(mx)})`, {
        expected,
      });
    }
    const listed = [...new Set(exchanges(mx))];
    const found = listed.length > 0 ? `MX ${listed.join(', ')}` : describeStatus(mx);
    if (listed.length === 0) {
      const state = mx.status === 'nxdomain' ? 'NXDOMAIN' : 'NODATA';
      return fail(
        `${subject} has no MX record (${state}), where SES in ${region} needs ${wanted}`,
        {
          expected,
          found,
        },
      );
    }

    const others = listed.filter((exchange) => exchange !== wanted);
    if (others.length === 0) {
      return pass(`${subject} has the MX ${wanted} that SES in ${region} needs`, { found });
    }
    if (others.length < listed.length) {
      return fail(
        `${subject} lists ${others.join(', ')} beside ${wanted}, where SES in ${region} needs that MX alone`,
        { expected, found },
      );
    }
    return fail(
      `${subject} points at ${others.map(describeExchange).join(' and ')}, not ${region}'s`,
      {
        expected,
        found,
      },
    );
  },
});

/** Another region's feedback endpoint is named as such, since that is the usual mistake. */
function describeExchange(exchange: string): string {
  const region = feedbackRegion(exchange);
  return region ? `the ${region} endpoint ${exchange}` : exchange;
}
