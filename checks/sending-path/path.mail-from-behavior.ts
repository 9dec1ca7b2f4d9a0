import { describeFailure } from '../../src/aws/gateway.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import { predictMailFrom } from '../../src/predict/envelope.js';
import { collectPathIdentity, type PathIdentityFacts } from '../../src/collect/sending-path.js';

/**
 * Passes unless SES would refuse the path's mail: a custom MAIL FROM domain that is not
 * SUCCESS in the sending region, with BehaviorOnMxFailure REJECT_MESSAGE.
 */
export default defineCheck({
  meta: {
    id: 'path.mail-from-behavior',
    layer: 'sending-path',
    severity: 'critical',
    group: 'MAIL FROM',
    title: 'SES accepts the envelope sender',
    remediation:
      'Publish the MX (feedback-smtp.<region>.amazonses.com) and SPF records of the custom MAIL FROM domain in the sending region, or set BehaviorOnMxFailure to USE_DEFAULT_VALUE while you fix them.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/mail-from.html',
  },
  scope: 'path',
  collect: ({ sendingPath }, ctx) => collectPathIdentity(ctx, sendingPath),
  evaluate({ sendingPath: { name } }, { setup, identity, identityDomain }: PathIdentityFacts) {
    if (!setup.ok) return inconclusive(`Sending region of ${name} is unknown: ${setup.reason}`);
    if (!identity!.ok && identity!.kind === 'not-found') {
      // path.identity-verified fails for the missing identity; without it there is no MAIL FROM.
      return inconclusive(
        `MAIL FROM of ${name} in ${setup.region} is unknown, since ${identityDomain} is not an SES identity there`,
      );
    }
    if (!identity!.ok) {
      return inconclusive(
        `MAIL FROM of ${name} in ${setup.region} could not be read: ${describeFailure(identity!)}`,
      );
    }

    const mailFrom = predictMailFrom(identity!.value, setup.region);
    if (mailFrom.kind === 'refused') {
      return fail(`SES refuses mail of ${name} in ${setup.region}: ${mailFrom.reason}`, {
        expected: 'custom MAIL FROM status SUCCESS, or BehaviorOnMxFailure USE_DEFAULT_VALUE',
        found: mailFrom.found,
      });
    }
    // A fallback is delivered, so it passes here; mail-from.status and the DMARC prediction
    // report what it costs.
    const why = mailFrom.kind === 'fallback' ? ` because ${mailFrom.reason}` : '';
    return pass(
      `${name} sends in ${setup.region} with envelope sender domain ${mailFrom.domain}${why}`,
      { found: mailFrom.found },
    );
  },
});
