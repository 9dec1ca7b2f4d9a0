import type { SendingPath } from '../config/schema.js';
import { discoverDmarc, type DmarcDiscovery } from '../dmarc/discover.js';
import type { AuditContext } from '../engine/context.js';
import { predictMailFrom } from '../predict/envelope.js';
import { evaluateSpf, type SpfResult } from '../spf/evaluate.js';
import { collectPathIdentity, domainOf, type PathIdentityFacts } from './sending-path.js';

/**
 * An address from SES's shared outbound pool (54.240.0.0/18, published in amazonses.com's
 * SPF record) and the HELO name SES uses for it: the SPF prediction asks whether the MAIL
 * FROM domain's policy authorizes mail sent from SES at all.
 * https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-spf.html
 */
export const SES_SAMPLE_ADDRESS = { ip: '54.240.8.1', helo: 'a8-1.smtp-out.amazonses.com' };

export interface PredictionFacts extends PathIdentityFacts {
  dmarc?: DmarcDiscovery;
  spf?: SpfResult;
}

/** Everything the DMARC prediction of one path needs, each fact shared with other checks. */
export async function collectPrediction(
  ctx: AuditContext,
  path: SendingPath,
): Promise<PredictionFacts> {
  const facts = await collectPathIdentity(ctx, path);
  if (!facts.setup.ok) return facts;

  const dmarc = await discoverDmarc(ctx, domainOf(facts.setup.from));
  if (!facts.identity?.ok) return { ...facts, dmarc };

  const mailFrom = predictMailFrom(facts.identity.value, facts.setup.region);
  // The amazonses.com fallback never aligns, so its SPF result cannot change the verdict.
  const spf = mailFrom.kind === 'custom' ? await spfForSes(ctx, mailFrom.domain) : undefined;
  return { ...facts, dmarc, spf };
}

function spfForSes(ctx: AuditContext, domain: string): Promise<SpfResult> {
  return ctx.memo(`spf-ses ${domain}`, async () => {
    const verdict = await evaluateSpf(ctx.dns, {
      ...SES_SAMPLE_ADDRESS,
      sender: `bounce@${domain}`,
    });
    return verdict.result;
  });
}
