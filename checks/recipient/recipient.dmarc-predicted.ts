import { describeFailure } from '../../src/aws/gateway.js';
import { collectPrediction, type PredictionFacts } from '../../src/collect/prediction.js';
import { defineCheck, fail, inconclusive, pass, type SubjectOf } from '../../src/engine/check.js';
import { predictDkim } from '../../src/predict/dkim.js';
import { predictDmarc, type DmarcInput } from '../../src/predict/dmarc.js';
import { predictMailFrom } from '../../src/predict/envelope.js';
import { pathPrediction, predictionLines } from '../../src/predict/table.js';
import type { Outcome } from '../../src/types.js';

/**
 * Passes when mail of the path is predicted to pass DMARC at the recipient (or, for a
 * recipient requiring `dkim-aligned`, to carry an aligned DKIM signature).
 */
export default defineCheck({
  meta: {
    id: 'recipient.dmarc-predicted',
    layer: 'recipient',
    severity: 'critical',
    group: 'DMARC',
    title: 'mail is predicted to pass DMARC',
    remediation:
      'Make SES sign with the From domain in the sending region (publish the Easy DKIM CNAMEs there until DKIM is SUCCESS) and fix the custom MAIL FROM there (MX and SPF), or send through a region where both are healthy.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dmarc.html',
  },
  scope: 'path-recipient',
  collect: ({ sendingPath }, ctx) => collectPrediction(ctx, sendingPath),
  evaluate: (subject, facts: PredictionFacts) => judge(subject, facts),
});

function judge(subject: SubjectOf<'path-recipient'>, facts: PredictionFacts): Outcome {
  const { sendingPath: path, recipient } = subject;
  const lead = `${path.name} → ${recipient.domain}`;
  const { setup, identity, identityDomain, dmarc } = facts;
  if (!setup.ok) return inconclusive(`${lead}: the sending region is unknown: ${setup.reason}`);

  const { region, from } = setup;
  if (!identity!.ok && identity!.kind !== 'not-found') {
    return inconclusive(
      `${lead}: SES identity ${identityDomain} in ${region} could not be read: ${describeFailure(identity!)}`,
    );
  }
  if (!identity!.ok || identity!.value.VerificationStatus !== 'SUCCESS') {
    return fail(
      `${lead}: SES refuses mail from ${from} in ${region}, where ${identityDomain} is not a verified identity`,
    );
  }
  const mailFrom = predictMailFrom(identity!.value, region);
  if (mailFrom.kind === 'refused') {
    return fail(
      `${lead}: SES refuses mail from ${from} in ${region} (${mailFrom.reason}), so nothing reaches ${recipient.domain}`,
    );
  }

  if (dmarc!.status === 'undecided') {
    return inconclusive(
      `${lead}: the DMARC record of ${domainPart(from)} could not be read (${dmarc!.found})`,
    );
  }
  if (dmarc!.status !== 'found' || !dmarc!.parsed.ok) {
    return fail(
      `${lead}: ${domainPart(from)} has no usable DMARC record, so mail from ${from} cannot pass DMARC`,
      {
        expected: recipient.requires,
      },
    );
  }

  const input: DmarcInput = {
    fromDomain: domainPart(from),
    mailFrom,
    spf: facts.spf,
    dkim: predictDkim(identity!.value, identityDomain!, region),
    record: dmarc!.parsed.record,
    atOrganization: dmarc!.atOrganization,
    provider: recipient.provider,
  };
  const prediction = predictDmarc(input);
  const where = { path: path.name, recipient: recipient.domain, region, from };
  const row = pathPrediction(where, input, prediction);
  const extra = { expected: recipient.requires, found: predictionLines(row), prediction: row };
  const policy = `${prediction.applied.tag}=${prediction.applied.policy}`;

  if (prediction.verdict === 'fail') {
    return fail(
      `${lead}: DMARC is predicted to fail for ${from} via ${region} (${prediction.reasons.join('; ')}), so ${recipient.domain} will ${prediction.action} under ${policy}`,
      extra,
    );
  }
  if (recipient.requires === 'dkim-aligned' && !prediction.alignedDkim) {
    return fail(
      `${lead}: mail from ${from} via ${region} passes DMARC by SPF only (${prediction.reasons.join('; ')}), but ${recipient.domain} requires aligned DKIM`,
      extra,
    );
  }
  const by = prediction.alignedDkim ? `aligned DKIM d=${prediction.alignedDkim}` : 'aligned SPF';
  return pass(`${lead}: DMARC is predicted to pass for ${from} via ${region} (${by})`, extra);
}

function domainPart(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
