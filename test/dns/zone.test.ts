import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { createResolver, type DnsLookup } from '../../src/dns/resolver.js';
import { Zone, type ZoneRecord } from '../../src/dns/zone.js';

const RECORDS: ZoneRecord[] = [
  { name: 'example.com', type: 'TXT', data: 'v=spf1 include:amazonses.com -all' },
  { name: 'mail.example.com', type: 'MX', data: { exchange: 'mx.example.com', priority: 10 } },
  { name: '_dmarc.example.org', type: 'TXT', rcode: 'NXDOMAIN' },
];

describe('Zone served by the loopback server', () => {
  let server: LoopbackDnsServer;
  let dns: DnsLookup;

  beforeAll(async () => {
    server = await startLoopbackDns(new Zone(RECORDS, { refuseOutside: true }));
    dns = createResolver({ servers: [server.address], timeoutMs: 3000, tries: 1 });
  });
  afterAll(() => server.close());

  it('passes when a name outside every recorded zone is refused', async () => {
    const answer = await dns.query('_dmarc.example.net', 'TXT');

    expect(answer).toEqual({
      name: '_dmarc.example.net',
      type: 'TXT',
      status: 'refused',
      records: [],
    });
  });

  it('passes when an absent name inside a recorded zone keeps NXDOMAIN', async () => {
    const answer = await dns.query('_dmarc.example.com', 'TXT');

    expect(answer.status).toBe('nxdomain');
  });

  it('passes when an NXDOMAIN entry keeps its zone served and the name absent', async () => {
    const marked = await dns.query('_dmarc.example.org', 'TXT');
    const sibling = await dns.query('example.org', 'MX');

    expect([marked.status, sibling.status]).toEqual(['nxdomain', 'nxdomain']);
  });

  it('passes when a recorded name answers its records', async () => {
    const answer = await dns.query('mail.example.com', 'MX');

    expect(answer.records).toEqual([{ exchange: 'mx.example.com', priority: 10 }]);
  });
});

describe('Zone.answer', () => {
  it('passes when a zone without refuseOutside answers NXDOMAIN for any other name', () => {
    const zone = new Zone(RECORDS);

    expect(zone.answer('_dmarc.example.net', 'TXT')).toEqual({ rcode: 'NXDOMAIN', answers: [] });
  });

  it('passes when the registrable domain is the zone: a subdomain under a public suffix', () => {
    const zone = new Zone([{ name: 'www.example.co.uk', type: 'A', data: '192.0.2.1' }], {
      refuseOutside: true,
    });

    expect(zone.serves('mail.example.co.uk')).toBe(true);
    expect(zone.serves('other.co.uk')).toBe(false);
  });
});

describe('loopback server with a record it cannot encode', () => {
  it('passes when an MX record with string data is answered SERVFAIL and the server lives on', async () => {
    const broken = { name: 'mail.example.com', type: 'MX', data: '10 mx.example.com' } as const;
    const server = await startLoopbackDns(
      new Zone([broken, { name: 'example.com', type: 'A', data: '192.0.2.1' }]),
    );
    const dns = createResolver({ servers: [server.address], timeoutMs: 3000, tries: 1 });

    try {
      const mx = await dns.query('mail.example.com', 'MX');
      const a = await dns.query('example.com', 'A');

      expect([mx.status, a.status, a.records]).toEqual(['servfail', 'ok', ['192.0.2.1']]);
    } finally {
      await server.close();
    }
  });
});
