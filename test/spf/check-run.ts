import { startLoopbackDns } from '../../src/dns/loopback-server.js';
import { createResolver } from '../../src/dns/resolver.js';
import { Zone, type ZoneRecord } from '../../src/dns/zone.js';
import type { Check, SubjectOf } from '../../src/engine/check.js';
import { subjectsFor } from '../../src/engine/subjects.js';
import type { Outcome } from '../../src/types.js';
import { testContext } from '../support/audit-context.js';

/** The declaration the SPF check tests audit: a From domain with a custom MAIL FROM. */
export const SPF_EXPECTATIONS = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
    mail_from:
      domain: mail.example.com
`;

/** The records of a healthy setup, as the bundled fixtures publish them (ranges shortened). */
export const AMAZONSES: ZoneRecord = {
  name: 'amazonses.com',
  type: 'TXT',
  data: 'v=spf1 ip4:199.255.192.0/22 ip4:54.240.0.0/18 -all',
};
export const HEALTHY: ZoneRecord[] = [
  {
    name: 'example.com',
    type: 'TXT',
    data: 'v=spf1 include:amazonses.com include:_spf.example.net ~all',
  },
  { name: 'mail.example.com', type: 'TXT', data: 'v=spf1 include:amazonses.com ~all' },
  { name: '_spf.example.net', type: 'TXT', data: 'v=spf1 ip4:192.0.2.0/24 ~all' },
  AMAZONSES,
];

/**
 * Runs one domain-scope check, collect then evaluate, against a zone served by the loopback
 * DNS server and read through the product's own resolver.
 */
export async function runOnZone<F>(
  check: Check<'domain', F>,
  records: ZoneRecord[],
  yaml = SPF_EXPECTATIONS,
): Promise<Outcome[]> {
  const server = await startLoopbackDns(new Zone(records));
  try {
    const dns = createResolver({ servers: [server.address], timeoutMs: 1000, tries: 1 });
    const ctx = testContext({ dns, yaml });
    const subject = subjectsFor(ctx.loaded.expectations, 'domain')[0] as SubjectOf<'domain'>;

    const facts = await check.collect(subject, ctx);
    const outcome = check.evaluate(subject, facts, ctx);
    return Array.isArray(outcome) ? outcome : [outcome];
  } finally {
    await server.close();
  }
}

/** The zone with the TXT records of `name` replaced. */
export function withTxt(records: ZoneRecord[], name: string, ...data: ZoneRecord['data'][]) {
  const others = records.filter((r) => !(r.name === name && r.type === 'TXT'));
  return [...others, ...data.map((value) => ({ name, type: 'TXT' as const, data: value }))];
}
