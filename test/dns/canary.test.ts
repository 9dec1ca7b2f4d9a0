import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dmarcRecord from '../../checks/dns/dmarc.record.js';
import { parseExpectations } from '../../src/config/load.js';
import { withCanary } from '../../src/dns/canary.js';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { createResolver } from '../../src/dns/resolver.js';
import { Zone } from '../../src/dns/zone.js';
import type { SubjectOf } from '../../src/engine/check.js';
import { prepareSource } from '../../src/engine/source.js';
import { subjectsFor } from '../../src/engine/subjects.js';

const AMAZONSES = { name: 'amazonses.com', type: 'TXT', data: 'v=spf1 -all' } as const;
const SPF = {
  name: 'example.com',
  type: 'TXT',
  data: 'v=spf1 include:amazonses.com -all',
} as const;
const DISTRUST =
  'the DNS resolver answers NXDOMAIN for amazonses.com, which exists, so its answers cannot be trusted';

/** A "resolver" on the loopback: the zone it serves is all it knows. */
let honest: LoopbackDnsServer;
let lying: LoopbackDnsServer;
let silent: LoopbackDnsServer;

beforeAll(async () => {
  honest = await startLoopbackDns(new Zone([AMAZONSES, SPF]));
  lying = await startLoopbackDns(new Zone([SPF]));
  silent = await startLoopbackDns(
    new Zone([SPF, { name: 'amazonses.com', type: 'TXT', rcode: 'SERVFAIL' }]),
  );
});
afterAll(async () => {
  await Promise.all([honest, lying, silent].map((server) => server.close()));
});

const through = (server: LoopbackDnsServer) =>
  withCanary(createResolver({ servers: [server.address], timeoutMs: 3000, tries: 1 }));

describe('withCanary', () => {
  it('passes when a resolver that answers amazonses.com keeps its NXDOMAIN', async () => {
    const answer = await through(honest).query('_dmarc.example.com', 'TXT');

    expect(answer).toEqual({
      name: '_dmarc.example.com',
      type: 'TXT',
      status: 'nxdomain',
      records: [],
    });
  });

  it('fails as undecided when the resolver answers NXDOMAIN for amazonses.com', async () => {
    const answer = await through(lying).query('_dmarc.example.com', 'TXT');

    expect(answer).toEqual({
      name: '_dmarc.example.com',
      type: 'TXT',
      status: 'error',
      records: [],
      detail: DISTRUST,
    });
  });

  it('passes when a distrusted resolver still returns the records it has', async () => {
    const answer = await through(lying).query('example.com', 'TXT');

    expect(answer.records).toEqual([['v=spf1 include:amazonses.com -all']]);
  });

  it('fails as undecided when the canary itself gets SERVFAIL', async () => {
    const answer = await through(silent).query('mail.example.com', 'MX');

    expect(answer.detail).toBe(
      'the DNS resolver gives no answer for amazonses.com TXT (SERVFAIL), so its absence answers cannot be trusted',
    );
  });
});

describe('prepareSource in live mode', () => {
  const loaded = parseExpectations(
    `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
`,
    'expectations.yaml',
  );

  it('fails as undecided when the live resolver answers NXDOMAIN for every name', async () => {
    const prepared = await prepareSource(loaded, { dnsServers: [lying.address] });
    const answer = await prepared.ctx.dns.query('_dmarc.example.com', 'TXT');
    await prepared.close();

    expect([answer.status, answer.detail]).toEqual(['error', DISTRUST]);
  });

  it('passes when the canary is turned off and NXDOMAIN is believed', async () => {
    const prepared = await prepareSource(loaded, { dnsServers: [lying.address], canary: false });
    const answer = await prepared.ctx.dns.query('_dmarc.example.com', 'TXT');
    await prepared.close();

    expect(answer.status).toBe('nxdomain');
  });

  it('is inconclusive, not a fail, when dmarc.record meets a resolver that lies', async () => {
    const prepared = await prepareSource(loaded, { dnsServers: [lying.address] });
    const subject = subjectsFor(loaded.expectations, 'domain')[0] as SubjectOf<'domain'>;

    const facts = await dmarcRecord.collect(subject, prepared.ctx);
    const outcome = dmarcRecord.evaluate(subject, facts, prepared.ctx);
    await prepared.close();

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: `DMARC record of example.com could not be read (DNS error: ${DISTRUST})`,
      found: `_dmarc.example.com: DNS error: ${DISTRUST}`,
    });
  });
});
