import { describeFailure } from '../../src/aws/gateway.js';
import { bool, fields, text } from '../../src/collect/fields.js';
import { collectIdentity, identityAnswer, type IdentityFacts } from '../../src/collect/identity.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';

/**
 * What each DkimAttributes.Status means for sending, from the SES API v2 reference
 * (DkimAttributes): SES signs only once the status is SUCCESS.
 */
const STATUS_MEANING: Record<string, string> = {
  PENDING: 'SES has not yet found the token CNAMEs',
  FAILED: 'SES could not find the token CNAMEs and stopped looking',
  TEMPORARY_FAILURE: 'a temporary problem kept SES from reading the token CNAMEs',
  NOT_STARTED: 'DKIM was never set up for the identity',
};

/** Passes when DKIM of the domain's SES identity is SUCCESS and signing is on in the region. */
export default defineCheck({
  meta: {
    id: 'dkim.status',
    layer: 'ses-identity',
    severity: 'critical',
    group: 'DKIM',
    title: 'Easy DKIM is verified and signing',
    remediation:
      'Publish the three DKIM CNAMEs SES lists for the identity in this region (tokens differ per region) and wait for the status to become SUCCESS; if signing is off, turn DKIM signing on for the identity.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html',
  },
  scope: 'domain-region',
  collect: (subject, ctx) => collectIdentity(ctx, subject.domain.domain, subject.region),
  evaluate({ domain: { domain, dkim }, region }, identity: IdentityFacts) {
    // The expectations say this domain does not sign with DKIM: nothing to require.
    if (!dkim.required) return [];
    // A missing identity is reported once, by identity.verified, not again per attribute.
    if (!identity.ok && identity.kind === 'not-found') return [];
    if (!identity.ok) {
      return inconclusive(
        `the DKIM status of ${domain} in ${region} could not be read: ${describeFailure(identity)}`,
      );
    }

    const read = fields(identity.value, {
      status: ['DkimAttributes.Status', text],
      signing: ['DkimAttributes.SigningEnabled', bool],
    });
    if (!read.ok) return inconclusive(`${identityAnswer(domain, region)} has ${read.problem}`);
    const { status = 'NOT_STARTED', signing = false } = read.value;
    const expected = 'DkimAttributes.Status SUCCESS, SigningEnabled true';
    const found = `DkimAttributes.Status ${status}, SigningEnabled ${signing}`;

    if (status !== 'SUCCESS') {
      const meaning = STATUS_MEANING[status] ?? 'SES does not sign with it';
      return fail(`DKIM of ${domain} in ${region} is ${status}, not SUCCESS: ${meaning}`, {
        expected,
        found,
      });
    }
    if (!signing) {
      return fail(`DKIM of ${domain} in ${region} is verified but signing is turned off`, {
        expected,
        found,
      });
    }
    return pass(`DKIM of ${domain} in ${region} is verified (SUCCESS) and signing`, { found });
  },
});
