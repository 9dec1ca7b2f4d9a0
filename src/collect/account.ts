import type { GetAccountResponse } from '@aws-sdk/client-sesv2';
import { describeFailure, type AwsResult } from '../aws/gateway.js';
import type { SendingPath } from '../config/schema.js';
import type { AuditContext } from '../engine/context.js';
import { bool, fields, text } from './fields.js';
import { collectIdentity, identityAnswer } from './identity.js';

export type AccountFacts = AwsResult<GetAccountResponse>;

/**
 * The SES account as one region sees it: production access, sending status, enforcement,
 * quota and suppression settings are all regional. The gateway memoises the call, so the
 * account checks and the sending-path checks share one GetAccount per region.
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_GetAccount.html
 */
export function collectAccount(ctx: AuditContext, region: string): Promise<AccountFacts> {
  return ctx.aws.call<GetAccountResponse>('sesv2', region, 'GetAccount');
}

/** The region a sending path sends through, as declared. */
export function sendingRegion(path: SendingPath): string | undefined {
  return path.region ?? (path.kind === 'ses-api' ? path.lambda?.region : undefined);
}

/** Whether a recipient domain can receive mail from a sandboxed account in the region. */
export type RecipientVerification =
  | { domain: string; verified: boolean; via: string[] }
  | { domain: string; unknown: string; via: string[] };

/**
 * Every recipient domain the region's sending paths send to, and whether it is a verified
 * identity there: in the sandbox SES only delivers to verified identities.
 * https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html
 */
export async function collectSandboxRecipients(
  ctx: AuditContext,
  region: string,
): Promise<RecipientVerification[]> {
  const via = new Map<string, string[]>();
  for (const path of ctx.loaded.expectations.sending_paths) {
    if (sendingRegion(path) !== region) continue;
    for (const domain of path.sends_to) via.set(domain, [...(via.get(domain) ?? []), path.name]);
  }

  return Promise.all(
    [...via].map(async ([domain, paths]) => {
      const identity = await collectIdentity(ctx, domain, region);
      if (identity.ok) {
        const read = fields(identity.value, {
          status: ['VerificationStatus', text],
          sending: ['VerifiedForSendingStatus', bool],
        });
        if (!read.ok) {
          return {
            domain,
            unknown: `${identityAnswer(domain, region)} has ${read.problem}`,
            via: paths,
          };
        }
        const verified = read.value.status === 'SUCCESS' && read.value.sending === true;
        return { domain, verified, via: paths };
      }
      if (identity.kind === 'not-found') return { domain, verified: false, via: paths };
      return { domain, unknown: describeFailure(identity), via: paths };
    }),
  );
}
