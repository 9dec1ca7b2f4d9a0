import type { GetEmailIdentityResponse } from '@aws-sdk/client-sesv2';
import type { AwsResult } from '../aws/gateway.js';
import type { AuditContext } from '../engine/context.js';

export type IdentityFacts = AwsResult<GetEmailIdentityResponse>;

/** The SES identity of a domain in one region (identities are regional). */
export function collectIdentity(
  ctx: AuditContext,
  domain: string,
  region: string,
): Promise<IdentityFacts> {
  return ctx.aws.call<GetEmailIdentityResponse>('sesv2', region, 'GetEmailIdentity', {
    EmailIdentity: domain,
  });
}
