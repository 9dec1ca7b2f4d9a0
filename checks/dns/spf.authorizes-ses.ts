import { mailFromDomains } from '../../src/config/mail-from.js';
import type { Outcome } from '../../src/types.js';
import {
  collectSesAuthorization,
  SES_SPF_DOMAIN,
  type SesAuthorization,
} from '../../src/collect/spf-ses.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';

/**
 * Passes when the SPF policy of the custom MAIL FROM domain gives pass, evaluated by
 * mailauth, for an address of every range amazonses.com publishes for SES.
 */
export default defineCheck({
  meta: {
    id: 'spf.authorizes-ses',
    layer: 'dns',
    severity: 'critical',
    group: 'SPF',
    title: 'the MAIL FROM domain authorizes SES',
    remediation:
      'Add "include:amazonses.com" to the SPF record of the MAIL FROM domain, before its "all" mechanism, for example "v=spf1 include:amazonses.com ~all".',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/mail-from.html',
  },
  scope: 'domain',
  // Without a custom MAIL FROM, SES sends as amazonses.com, whose SPF is Amazon's concern.
  appliesTo: (subject) => subject.domain.mail_from !== undefined,
  collect: (subject, ctx) =>
    Promise.all(
      mailFromDomains(subject.domain).map(async (mailFrom) => ({
        mailFrom,
        facts: await collectSesAuthorization(ctx, mailFrom),
      })),
    ),
  evaluate: (_subject, domains: { mailFrom: string; facts: SesAuthorization }[]) =>
    domains.map(({ mailFrom, facts }) => judge(mailFrom, facts)),
});

/** One MAIL FROM domain against every SES range. */
function judge(mailFrom: string, facts: SesAuthorization): Outcome {
  const name = `MAIL FROM domain ${mailFrom}`;
  const item = mailFrom;
  const expected = `SPF pass for every address range ${SES_SPF_DOMAIN} publishes`;

  if (!facts.ok) {
    return inconclusive(`the SES sending addresses could not be read: ${facts.reason}`, {
      item,
      expected,
    });
  }
  const total = facts.samples.length;
  const ranges = `${total} SES address ranges that ${SES_SPF_DOMAIN} publishes`;
  const found = facts.samples.map((s) => `${s.ip} ${s.verdict.result}`).join(', ');

  const failed = facts.samples.filter((s) => s.verdict.result !== 'pass');
  const temporary = failed.find((s) => s.verdict.result === 'temperror');
  if (temporary) {
    return inconclusive(
      `the SPF policy of ${name} could not be evaluated for SES address ${temporary.ip} (temperror: ${temporary.verdict.explanation})`,
      { item, expected, found },
    );
  }
  if (failed.length > 0) {
    const first = failed[0]!;
    return fail(
      `${name} does not authorize ${failed.length} of the ${ranges} (${first.ip} of ${first.network} gives ${first.verdict.result}), so SPF fails for mail SES sends from them`,
      { item, expected, found },
    );
  }
  return pass(`${name} authorizes all ${ranges}`, { item, found });
}
