import type { DomainExpectation } from '../config/schema.js';
import { collectSpfDomains, type SpfDomain } from '../collect/spf.js';
import { defineCheck } from '../engine/check.js';
import type { CheckMeta, Outcome } from '../types.js';

/**
 * A check judged once per SPF domain of a sending domain (the From domain, and the custom
 * MAIL FROM domain where one is declared), over the tree walk every SPF check shares.
 */
export function defineSpfCheck(
  meta: CheckMeta,
  judge: (spf: SpfDomain, expectation: DomainExpectation) => Outcome | Outcome[],
) {
  return defineCheck({
    meta,
    scope: 'domain',
    collect: (subject, ctx) => collectSpfDomains(ctx, subject.domain),
    evaluate: (subject, domains: SpfDomain[]) =>
      domains.flatMap((spf) => judge(spf, subject.domain)),
  });
}
