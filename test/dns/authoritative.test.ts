import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthoritativeLookup } from '../../src/dns/authoritative.js';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { createResolver } from '../../src/dns/resolver.js';
import { parseExpectations } from '../../src/config/load.js';
import { prepareSource } from '../../src/engine/source.js';
import { Zone } from '../../src/dns/zone.js';

/**
 * A recursive resolver still caching the old DMARC record, and the zone's own name server
 * (on 127.0.0.2, the address its NS host resolves to) already serving the new one.
 */
let recursive: LoopbackDnsServer;
let authoritative: LoopbackDnsServer;

beforeAll(async () => {
  recursive = await startLoopbackDns(
    new Zone([
      { name: 'example.com', type: 'NS', data: 'ns1.example.com' },
      { name: 'ns1.example.com', type: 'A', data: '127.0.0.2' },
      { name: '_dmarc.example.com', type: 'TXT', data: 'v=DMARC1; p=none' },
      { name: 'tok._domainkey.example.com', type: 'CNAME', data: 'tok.dkim.amazonses.com' },
      { name: 'broken.test', type: 'NS', rcode: 'SERVFAIL' },
    ]),
  );
  authoritative = await startLoopbackDns(
    new Zone([
      { name: 'example.com', type: 'NS', data: 'ns1.example.com' },
      { name: '_dmarc.example.com', type: 'TXT', data: 'v=DMARC1; p=reject' },
      { name: 'tok._domainkey.example.com', type: 'CNAME', data: 'tok2.dkim.amazonses.com' },
      {
        name: 'mail.example.com',
        type: 'MX',
        data: { exchange: 'feedback-smtp.us-east-1.amazonses.com', priority: 10 },
      },
    ]),
    { host: '127.0.0.2' },
  );
});

afterAll(async () => {
  await recursive.close();
  await authoritative.close();
});

function lookup() {
  return createAuthoritativeLookup({
    recursive: createResolver({ servers: [recursive.address], timeoutMs: 500, tries: 1 }),
    port: authoritative.port,
    timeoutMs: 500,
  });
}

describe('createAuthoritativeLookup', () => {
  it("passes when the zone's own server answers with the new record the resolver has not seen", async () => {
    const dns = lookup();

    const dmarc = await dns.query('_dmarc.example.com', 'TXT');
    const dkim = await dns.query('tok._domainkey.example.com', 'CNAME');

    expect(dmarc).toEqual({
      name: '_dmarc.example.com',
      type: 'TXT',
      status: 'ok',
      records: [['v=DMARC1; p=reject']],
    });
    expect(dkim).toEqual({
      name: 'tok._domainkey.example.com',
      type: 'CNAME',
      status: 'ok',
      records: ['tok2.dkim.amazonses.com'],
    });
    expect(authoritative.queries.get('_dmarc.example.com TXT')).toBe(1);
    expect(recursive.queries.get('_dmarc.example.com TXT')).toBeUndefined();
  });

  it('passes when NXDOMAIN and NODATA come from the zone itself', async () => {
    const dns = lookup();

    const missing = await dns.query('nothing.example.com', 'TXT');
    const noData = await dns.query('mail.example.com', 'TXT');

    expect(missing.status).toBe('nxdomain');
    expect(noData.status).toBe('nodata');
  });

  it("fails as servfail when the zone's name servers cannot be found", async () => {
    const answer = await lookup().query('www.broken.test', 'TXT');

    expect(answer).toEqual({
      name: 'www.broken.test',
      type: 'TXT',
      status: 'servfail',
      records: [],
      detail: 'the NS records of broken.test could not be resolved (SERVFAIL)',
    });
  });
});

describe('prepareSource with dns.mode authoritative', () => {
  it("passes when a live run asks the zone's own name server", async () => {
    const loaded = parseExpectations(
      `source: live
dns:
  servers: ['${recursive.address}']
  mode: authoritative
  timeout_ms: 500
domains:
  - domain: example.com
    regions: [us-east-1]
`,
      'expectations.yaml',
    );

    const prepared = await prepareSource(loaded, { authoritativePort: authoritative.port });
    const answer = await prepared.ctx.dns.query('_dmarc.example.com', 'TXT');
    await prepared.close();

    expect(answer.records).toEqual([['v=DMARC1; p=reject']]);
  });
});
