import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { createResolver, type DnsLookup } from '../../src/dns/resolver.js';
import { Zone } from '../../src/dns/zone.js';

describe('loopback DNS server: empty TXT records', () => {
  let server: LoopbackDnsServer;
  let dns: DnsLookup;

  beforeAll(async () => {
    server = await startLoopbackDns(
      new Zone([
        { name: 'empty.example.com', type: 'TXT', data: [] },
        { name: 'empty.example.com', type: 'TXT', data: ['v=spf1 ', '-all'] },
      ]),
    );
    dns = createResolver({ servers: [server.address], timeoutMs: 500, tries: 1 });
  });
  afterAll(() => server.close());

  it('passes when a TXT record without strings is served as one empty string', async () => {
    const answer = await dns.query('empty.example.com', 'TXT');

    expect(answer.status).toBe('ok');
    expect(answer.records).toEqual(expect.arrayContaining([[''], ['v=spf1 ', '-all']]));
    expect(answer.records).toHaveLength(2);
  });
});
