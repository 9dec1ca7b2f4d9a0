import { describeFailure } from '../../src/aws/gateway.js';
import { collectTokenRecords, type TokenRecords } from '../../src/collect/dkim.js';
import {
  collectIdentity,
  easyDkimTokens,
  identityAnswer,
  type IdentityFacts,
} from '../../src/collect/identity.js';
import { describeStatus, isUndecided, joinedTxt, names } from '../../src/dns/answer.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import { dkimTargetDomain } from '../../src/ses/regions.js';
import type { Outcome } from '../../src/types.js';

export interface DkimCnameFacts {
  identity: IdentityFacts;
  tokens: TokenRecords[];
}

/**
 * Passes, token by token, when `<token>._domainkey.<domain>` is a CNAME to
 * `<token>.<DKIM target of the region>`, the record Easy DKIM asks for in that region.
 */
export default defineCheck({
  meta: {
    id: 'dkim.cnames-published',
    layer: 'dns',
    severity: 'critical',
    group: 'DKIM',
    title: 'every token CNAME is published',
    remediation:
      'Publish each token of this region as a CNAME `<token>._domainkey.<domain>` pointing at `<token>.<DKIM target domain>` exactly as SES lists it; if your DNS host appends the zone, enter the name without it.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html',
  },
  scope: 'domain-region',
  async collect(subject, ctx): Promise<DkimCnameFacts> {
    const { domain } = subject.domain;
    const identity = await collectIdentity(ctx, domain, subject.region);
    const tokens = identity.ok ? easyDkimTokens(identity.value) : undefined;
    if (!subject.domain.dkim.required || !tokens?.ok) return { identity, tokens: [] };
    return { identity, tokens: await collectTokenRecords(ctx, domain, tokens.value) };
  },
  evaluate({ domain: { domain, dkim }, region }, { identity, tokens }: DkimCnameFacts) {
    // Not required, or no identity (identity.verified reports that): no token to look for.
    if (!dkim.required) return [];
    if (!identity.ok && identity.kind === 'not-found') return [];
    if (!identity.ok) {
      return inconclusive(
        `the DKIM tokens of ${domain} in ${region} could not be read: ${describeFailure(identity)}`,
      );
    }
    // BYODKIM keys are TXT records the owner publishes, and an identity without tokens
    // has DKIM NOT_STARTED, which dkim.status reports: neither has CNAMEs to look for.
    const listed = easyDkimTokens(identity.value);
    if (!listed.ok) {
      return inconclusive(`${identityAnswer(domain, region)} has ${listed.problem}`);
    }

    const target = dkimTargetDomain(region);
    return tokens.map((record) => judgeToken(domain, region, target, record));
  },
});

function judgeToken(
  domain: string,
  region: string,
  targetDomain: string,
  { token, name, cname, txt, doubled }: TokenRecords,
): Outcome {
  const short = `${token.slice(0, 4)}…`;
  const shortName = `${short}._domainkey.${domain}`;
  const target = `${token}.${targetDomain}`;
  const subject = `DKIM token ${short} of ${domain} in ${region}`;
  const item = token;
  const expected = `CNAME ${name} → ${target}`;

  if (isUndecided(cname)) {
    return inconclusive(
      `the CNAME of ${subject} at ${shortName} could not be resolved (${describeStatus(cname)})`,
      { item, expected },
    );
  }

  if (cname.status === 'ok') {
    const found = names(cname)[0] ?? '';
    if (found === target) {
      return pass(`${subject} is published: ${shortName} is a CNAME to ${short}.${targetDomain}`, {
        item,
        found: `CNAME ${name} → ${found}`,
      });
    }
    // The target typed without its trailing dot into a console that then appended the zone.
    const why = found === `${target}.${domain}` ? `, the target with ${domain} appended` : '';
    return fail(`${subject} has a CNAME at ${shortName} to ${found}${why}, not to ${target}`, {
      item,
      expected,
      found: `CNAME ${name} → ${found}`,
    });
  }

  const doubledTarget = doubled?.status === 'ok' ? names(doubled)[0] : undefined;
  if (doubledTarget !== undefined) {
    return fail(
      `${subject} is published at the doubled name ${shortName}.${domain} (the zone appended to a full name), not at ${shortName}`,
      { item, expected, found: `CNAME ${name}.${domain} → ${doubledTarget}` },
    );
  }

  const txtValues = txt ? joinedTxt(txt) : [];
  if (txtValues.length > 0) {
    return fail(`${subject} has a TXT record at ${shortName} where a CNAME belongs`, {
      item,
      expected,
      found: `TXT ${name} "${txtValues.join('", "')}"`,
    });
  }

  const state = cname.status === 'nxdomain' ? 'NXDOMAIN' : 'NODATA';
  return fail(`${subject} has no CNAME at ${shortName} (${state})`, {
    item,
    expected,
    found: `${name}: ${state}`,
  });
}
