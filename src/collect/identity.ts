import type { GetEmailIdentityResponse } from '@aws-sdk/client-sesv2';
import type { AwsResult } from '../aws/gateway.js';
import type { AuditContext } from '../engine/context.js';
import { fields, text, texts, type Field } from './fields.js';

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

/** "GetEmailIdentity answer for example.com in us-east-1", the subject of a misfit field. */
export function identityAnswer(domain: string, region: string): string {
  return `GetEmailIdentity answer for ${domain} in ${region}`;
}

/**
 * The Easy DKIM tokens of an identity; empty for BYODKIM, whose selectors are TXT records
 * the owner publishes. SES creates the three tokens with the identity, so a status other
 * than NOT_STARTED without them is an answer no check can rely on.
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_DkimAttributes.html
 */
export function easyDkimTokens(identity: GetEmailIdentityResponse): Field<string[]> {
  const read = fields(identity, {
    origin: ['DkimAttributes.SigningAttributesOrigin', text],
    status: ['DkimAttributes.Status', text],
    tokens: ['DkimAttributes.Tokens', texts],
  });
  if (!read.ok) return read;

  const { origin = 'AWS_SES', status = 'NOT_STARTED', tokens = [] } = read.value;
  if (!origin.startsWith('AWS_SES')) return { ok: true, value: [] };
  if (tokens.length === 0 && status !== 'NOT_STARTED') {
    return {
      ok: false,
      problem: `DkimAttributes.Status ${status} and no Tokens, which Easy DKIM never answers`,
    };
  }
  return { ok: true, value: tokens.map((token) => token.toLowerCase()) };
}
