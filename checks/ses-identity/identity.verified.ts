import { describeFailure } from '../../src/aws/gateway.js';
import { bool, fields, text } from '../../src/collect/fields.js';
import { collectIdentity, identityAnswer, type IdentityFacts } from '../../src/collect/identity.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';

/** Passes when the domain is an SES identity in the region and is verified for sending. */
export default defineCheck({
  meta: {
    id: 'identity.verified',
    layer: 'ses-identity',
    severity: 'critical',
    group: 'identity',
    title: 'is verified for sending',
    remediation:
      'Create the domain identity in this region (identities are regional) and publish its DKIM CNAMEs or verification TXT so SES can verify it.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html',
  },
  scope: 'domain-region',
  collect: (subject, ctx) => collectIdentity(ctx, subject.domain.domain, subject.region),
  evaluate({ domain: { domain }, region }, identity: IdentityFacts) {
    if (!identity.ok && identity.kind === 'not-found') {
      return fail(`${domain} is not an SES identity in ${region}`, {
        expected: `a verified identity ${domain} in ${region}`,
        found: 'GetEmailIdentity: NotFoundException',
      });
    }
    if (!identity.ok) {
      return inconclusive(
        `SES identity ${domain} in ${region} could not be read: ${describeFailure(identity)}`,
      );
    }

    const read = fields(identity.value, {
      status: ['VerificationStatus', text],
      sending: ['VerifiedForSendingStatus', bool],
    });
    if (!read.ok) return inconclusive(`${identityAnswer(domain, region)} has ${read.problem}`);
    const { status = 'NOT_STARTED', sending } = read.value;
    const found = `VerificationStatus ${status}, VerifiedForSendingStatus ${sending}`;
    if (status === 'SUCCESS' && sending) {
      return pass(`SES identity ${domain} is verified for sending in ${region}`, { found });
    }
    return fail(`SES identity ${domain} in ${region} is not verified for sending (${status})`, {
      expected: 'VerificationStatus SUCCESS',
      found,
    });
  },
});
