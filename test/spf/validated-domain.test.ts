import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { createResolver, type DnsLookup } from '../../src/dns/resolver.js';
import { Zone } from '../../src/dns/zone.js';
import {
  expandValidatedDomain,
  reverseName,
  validatedDomain,
} from '../../src/spf/validated-domain.js';

const zone = new Zone([
  { name: '42.2.0.192.in-addr.arpa', type: 'PTR', data: 'mx.example.org' },
  { name: '42.2.0.192.in-addr.arpa', type: 'PTR', data: 'forged.example.com' },
  { name: '42.2.0.192.in-addr.arpa', type: 'PTR', data: 'mx.e7.example.com' },
  { name: 'mx.example.org', type: 'A', data: '192.0.2.42' },
  { name: 'forged.example.com', type: 'A', data: '198.51.100.1' },
  { name: 'mx.e7.example.com', type: 'A', data: '192.0.2.42' },
  { name: '43.2.0.192.in-addr.arpa', type: 'PTR', data: 'forged.example.com' },
]);

describe('validatedDomain', () => {
  let server: LoopbackDnsServer;
  let dns: DnsLookup;
  beforeAll(async () => {
    server = await startLoopbackDns(zone);
    dns = createResolver({ servers: [server.address], timeoutMs: 1000, tries: 1 });
  });
  afterAll(() => server.close());

  it('passes a validated subdomain of the checked domain before any other name', async () => {
    const inside = await validatedDomain(dns, '192.0.2.42', 'e7.example.com');
    const elsewhere = await validatedDomain(dns, '192.0.2.42', 'example.net');

    expect([inside, elsewhere]).toEqual(['mx.e7.example.com', 'mx.example.org']);
  });

  it('fails to validate a PTR name whose address records lead elsewhere ("unknown")', async () => {
    const forged = await validatedDomain(dns, '192.0.2.43', 'example.com');
    const none = await validatedDomain(dns, '192.0.2.44', 'example.com');

    expect([forged, none]).toEqual(['unknown', 'unknown']);
  });
});

describe('expandValidatedDomain and reverseName', () => {
  it('passes the transformers of RFC 7208 section 7.3 to the validated name', () => {
    const record = 'v=spf1 exists:%{p}.a exists:%{p2}.b exists:%{pr}.c exists:%{P-}.d -all';

    expect(expandValidatedDomain(record, 'mx.e7.example.com')).toBe(
      'v=spf1 exists:mx.e7.example.com.a exists:example.com.b exists:com.example.e7.mx.c exists:mx.e7.example.com.d -all',
    );
  });

  it('passes with the reverse names of IPv4 and IPv6 addresses', () => {
    expect([reverseName('192.0.2.42'), reverseName('2001:db8::1')]).toEqual([
      '42.2.0.192.in-addr.arpa',
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    ]);
  });
});
