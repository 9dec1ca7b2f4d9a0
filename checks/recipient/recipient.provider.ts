import { describeStatus, isAbsent, mxRecords, type DnsAnswer } from '../../src/dns/answer.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';
import { detectProvider } from '../../src/predict/provider.js';

/** Passes when the recipient domain's MX shows the mail provider the expectations declare. */
export default defineCheck({
  meta: {
    id: 'recipient.provider',
    layer: 'recipient',
    severity: 'low',
    group: 'provider',
    title: 'MX matches the declared provider',
    remediation:
      'Correct the declared provider of the recipient (it decides how a DMARC failure is treated), or ask the recipient which provider receives its mail.',
    reference: 'https://www.rfc-editor.org/rfc/rfc5321#section-5.1',
  },
  scope: 'recipient',
  collect: ({ recipient }, ctx) => ctx.dns.query(recipient.domain, 'MX'),
  evaluate({ recipient: { domain, provider: declared } }, answer: DnsAnswer) {
    if (!isAbsent(answer) && answer.status !== 'ok') {
      return inconclusive(`MX of ${domain} could not be read (${describeStatus(answer)})`);
    }
    const hosts = mxRecords(answer)
      .sort((a, b) => a.priority - b.priority)
      .map((mx) => mx.exchange);
    if (hosts.length === 0) {
      return fail(`${domain} has no MX (${describeStatus(answer)}), so it receives no mail by MX`, {
        expected: `MX of ${declared ?? 'any provider'}`,
        found: describeStatus(answer),
      });
    }

    // A single MX of "." is a null MX (RFC 7505 section 3): the domain accepts no mail.
    if (hosts.length === 1 && hosts[0] === '') {
      return fail(`${domain} publishes a null MX, so it accepts no mail`, {
        expected: `MX of ${declared ?? 'any provider'}`,
        found: 'MX 0 .',
      });
    }

    const detected = detectProvider(hosts);
    const found = `MX ${hosts.join(', ')}`;
    if (declared && declared !== detected) {
      return warn(`${domain} is declared as ${declared} but its MX shows ${detected}`, {
        expected: `MX of ${declared}`,
        found,
      });
    }
    return pass(`${domain} receives mail at ${detected} (${hosts[0]})`, { found });
  },
});
