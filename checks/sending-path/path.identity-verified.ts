import { bool, fields, text } from '../../src/collect/fields.js';
import { describeFailure } from '../../src/aws/gateway.js';
import { collectPathIdentity, type PathIdentityFacts } from '../../src/collect/sending-path.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';

/** Passes when the From domain's SES identity is verified in the region the path sends from. */
export default defineCheck({
  meta: {
    id: 'path.identity-verified',
    layer: 'sending-path',
    severity: 'critical',
    group: 'identity',
    title: 'From domain is verified in the sending region',
    remediation:
      'Verify the From domain as an SES identity in the region this path sends through, or point the path at a region where it is verified.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html',
  },
  scope: 'path',
  collect: ({ sendingPath }, ctx) => collectPathIdentity(ctx, sendingPath),
  evaluate({ sendingPath: { name } }, { setup, identityDomain, identity }: PathIdentityFacts) {
    if (!setup.ok) return inconclusive(`Sending region of ${name} is unknown: ${setup.reason}`);
    const { region } = setup;
    const expected = `a verified identity ${identityDomain} in ${region}`;
    const where = `${region} (${setup.regionSource})`;

    if (!identity!.ok && identity!.kind === 'not-found') {
      return fail(
        `${name} sends through ${where}, where ${identityDomain} is not an SES identity`,
        {
          expected,
          found: 'GetEmailIdentity: NotFoundException',
        },
      );
    }
    if (!identity!.ok) {
      return inconclusive(
        `SES identity ${identityDomain} in ${region} could not be read: ${describeFailure(identity!)}`,
      );
    }
    const read = fields(identity!.value, {
      status: ['VerificationStatus', text],
      sending: ['VerifiedForSendingStatus', bool],
    });
    if (!read.ok) {
      return inconclusive(
        `GetEmailIdentity answer for ${identityDomain} in ${region} has ${read.problem}`,
      );
    }
    const { status, sending } = read.value;
    const found = `VerificationStatus ${status}, VerifiedForSendingStatus ${sending}`;
    if (status === 'SUCCESS' && sending) {
      return pass(`${name} sends through ${where}, where ${identityDomain} is verified`, { found });
    }
    return fail(
      `${name} sends through ${where}, where ${identityDomain} is not verified (${status})`,
      {
        expected,
        found,
      },
    );
  },
});
