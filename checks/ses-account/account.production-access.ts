import { describeFailure } from '../../src/aws/gateway.js';
import {
  collectAccount,
  collectSandboxRecipients,
  type AccountFacts,
  type RecipientVerification,
} from '../../src/collect/account.js';
import { bool, fields, text } from '../../src/collect/fields.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';

export interface ProductionAccessFacts {
  account: AccountFacts;
  /** Only gathered when the region is sandboxed and the expectation does not say. */
  recipients?: RecipientVerification[];
}

/**
 * Passes when the account has production access in the region, or is in the sandbox as
 * declared; an undeclared sandbox fails only when a sending path there mails recipients
 * that are not verified identities (the sandbox delivers to verified identities only).
 */
export default defineCheck({
  meta: {
    id: 'account.production-access',
    layer: 'ses-account',
    severity: 'critical',
    group: 'account',
    title: 'has production access',
    remediation:
      'Request production access for this region in the SES console (Account dashboard › Request production access) or with aws sesv2 put-account-details --production-access-enabled; every region is requested separately.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html',
  },
  scope: 'region',
  async collect({ region, expectation }, ctx): Promise<ProductionAccessFacts> {
    const account = await collectAccount(ctx, region);
    const sandboxed = account.ok && account.value.ProductionAccessEnabled === false;
    if (!sandboxed || expectation?.production_access !== undefined) return { account };
    return { account, recipients: await collectSandboxRecipients(ctx, region) };
  },
  evaluate({ region, expectation }, { account, recipients }: ProductionAccessFacts) {
    if (!account.ok) {
      return inconclusive(
        `SES account in ${region} could not be read: ${describeFailure(account)}`,
      );
    }

    const read = fields(account.value, {
      production: ['ProductionAccessEnabled', bool],
      review: ['Details.ReviewDetails.Status', text],
    });
    if (!read.ok) return inconclusive(`GetAccount answer in ${region} has ${read.problem}`);
    const { production, review } = read.value;
    if (production === undefined) {
      return inconclusive(
        `SES account in ${region} answered GetAccount without ProductionAccessEnabled`,
      );
    }
    const found = `ProductionAccessEnabled ${production}${review ? `, review ${review}` : ''}`;
    const declared = expectation?.production_access;

    if (production) {
      return declared === false
        ? warn(
            `SES account in ${region} has production access, though the expectation declares the sandbox`,
            { expected: 'ProductionAccessEnabled false (production_access: false)', found },
          )
        : pass(`SES account in ${region} has production access`, { found });
    }
    if (declared === true) {
      return fail(
        `SES account in ${region} is in the sandbox, though production access is declared`,
        { expected: 'ProductionAccessEnabled true', found },
      );
    }
    if (declared === false) {
      return pass(`SES account in ${region} is in the sandbox, as declared`, { found });
    }
    return judgeUndeclaredSandbox(region, recipients ?? [], found);
  },
});

function judgeUndeclaredSandbox(
  region: string,
  recipients: RecipientVerification[],
  found: string,
) {
  const unknown = recipients.find((r) => 'unknown' in r);
  if (unknown && 'unknown' in unknown) {
    return inconclusive(
      `SES account in ${region} is in the sandbox and whether ${unknown.domain} is a verified identity there could not be read: ${unknown.unknown}`,
      { found },
    );
  }

  const unverified = recipients.filter((r) => 'verified' in r && !r.verified);
  if (unverified.length > 0) {
    const named = unverified.map((r) => `${r.domain} (${r.via.join(', ')})`).join(', ');
    return fail(
      `SES account in ${region} is in the sandbox, so SES rejects mail to recipient domains that are not verified identities there: ${named}`,
      { expected: 'ProductionAccessEnabled true, or only verified recipients', found },
    );
  }
  return warn(
    `SES account in ${region} is in the sandbox (verified recipients only, a small daily quota), though its sending paths mail only verified identities`,
    { found },
  );
}
