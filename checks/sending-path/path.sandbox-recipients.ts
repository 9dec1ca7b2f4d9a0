import { bool, field } from '../../src/collect/fields.js';
import { describeFailure, type AwsResult } from '../../src/aws/gateway.js';
import { collectAccount, type AccountFacts } from '../../src/collect/account.js';
import { collectIdentity } from '../../src/collect/identity.js';
import { collectSendingSetup, type SendingSetup } from '../../src/collect/sending-path.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';

export interface SandboxFacts {
  setup: SendingSetup;
  account?: AccountFacts;
  /** Recipient domains and whether each is a verified identity there (sandbox only). */
  recipients?: { domain: string; verified: AwsResult<boolean> }[];
}

/**
 * Passes when the path's sending region has production access; in the sandbox SES only
 * delivers to verified identities, so unverified recipient domains fail.
 */
export default defineCheck({
  meta: {
    id: 'path.sandbox-recipients',
    layer: 'sending-path',
    severity: 'critical',
    group: 'account',
    title: 'sending region can reach the recipients',
    remediation:
      'Request production access for SES in the region this path sends through (the sandbox is per region), or verify the recipient addresses while testing.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html',
  },
  scope: 'path',
  async collect({ sendingPath }, ctx): Promise<SandboxFacts> {
    const setup = await collectSendingSetup(ctx, sendingPath);
    if (!setup.ok) return { setup };
    const account = await collectAccount(ctx, setup.region);
    // Recipients matter only in a sandbox the answer really states.
    if (!account.ok || productionAccess(account.value) !== false) return { setup, account };

    const recipients = await Promise.all(
      sendingPath.sends_to.map(async (domain) => {
        const identity = await collectIdentity(ctx, domain, setup.region);
        const verified: AwsResult<boolean> = identity.ok
          ? { ok: true, value: identity.value.VerificationStatus === 'SUCCESS' }
          : identity.kind === 'not-found'
            ? { ok: true, value: false }
            : identity;
        return { domain, verified };
      }),
    );
    return { setup, account, recipients };
  },
  evaluate({ sendingPath: { name } }, { setup, account, recipients }: SandboxFacts) {
    if (!setup.ok) return inconclusive(`Sending region of ${name} is unknown: ${setup.reason}`);
    const { region } = setup;
    if (!account!.ok) {
      return inconclusive(
        `SES account in ${region} could not be read: ${describeFailure(account!)}`,
      );
    }
    const production = field(account!.value, 'ProductionAccessEnabled', bool);
    if (!production.ok) {
      return inconclusive(`GetAccount answer in ${region} has ${production.problem}`);
    }
    if (production.value === undefined) {
      return inconclusive(
        `SES account in ${region} answered GetAccount without ProductionAccessEnabled`,
      );
    }
    if (production.value) {
      return pass(`${name} sends through ${region}, which has production access`, {
        found: 'ProductionAccessEnabled true',
      });
    }

    const found = 'ProductionAccessEnabled false';
    const unknown = recipients!.find((r) => !r.verified.ok);
    const blocked = recipients!
      .filter((r) => r.verified.ok && !r.verified.value)
      .map((r) => r.domain);
    if (blocked.length > 0) {
      return fail(
        `${name} sends through ${region}, which is in the sandbox, to unverified ${blocked.join(', ')}`,
        {
          expected: 'production access, or only verified recipients',
          found,
        },
      );
    }
    if (unknown && !unknown.verified.ok) {
      return inconclusive(
        `Recipient identity ${unknown.domain} in ${region} could not be read: ${describeFailure(unknown.verified)}`,
      );
    }
    return warn(
      `${name} sends through ${region}, which is in the sandbox: only its verified recipients receive mail`,
      {
        found,
      },
    );
  },
});

/** ProductionAccessEnabled when it is true or false; undefined for anything else. */
function productionAccess(account: object): boolean | undefined {
  const read = field(account, 'ProductionAccessEnabled', bool);
  return read.ok ? read.value : undefined;
}
