import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { createResolver, type DnsLookup } from '../../src/dns/resolver.js';
import { Zone } from '../../src/dns/zone.js';
import { evaluateSpf } from '../../src/spf/evaluate.js';

const zone = new Zone([
  { name: 'example.com', type: 'TXT', data: 'v=spf1 include:amazonses.com ~all' },
  { name: 'amazonses.com', type: 'TXT', data: 'v=spf1 ip4:54.240.0.0/18 -all' },
  { name: 'strict.example.com', type: 'TXT', data: 'v=spf1 ip4:192.0.2.1 -all' },
  { name: 'split.example.com', type: 'TXT', data: ['v=spf1 ip4:192.0.2.', '1 -all'] },
  { name: 'slow.example.com', type: 'TXT', rcode: 'TIMEOUT' },
  { name: 'broken.example.com', type: 'TXT', rcode: 'SERVFAIL' },
  { name: 'twice.example.com', type: 'TXT', data: 'v=spf1 -all' },
  { name: 'twice.example.com', type: 'TXT', data: 'v=spf1 +all' },
  { name: 'plain.example.com', type: 'A', data: '192.0.2.9' },
  { name: 'macro.example.com', type: 'TXT', data: 'v=spf1 a:%{l}.example.com -all' },
  { name: 'bare-ip6.example.com', type: 'TXT', data: 'v=spf1 ip4:192.0.2.1 ip6 -all' },
  { name: 'helo.example.com', type: 'TXT', data: 'v=spf1 -a:%{h} +all' },
]);

describe('evaluateSpf', () => {
  let server: LoopbackDnsServer;
  let dns: DnsLookup;

  beforeAll(async () => {
    server = await startLoopbackDns(zone);
    dns = createResolver({ servers: [server.address], timeoutMs: 200, tries: 1 });
  });
  afterAll(() => server.close());

  it('passes when the address is inside an included range', async () => {
    const verdict = await evaluateSpf(dns, { ip: '54.240.0.1', sender: 'bounce@example.com' });

    expect(verdict).toEqual({
      result: 'pass',
      explanation:
        'mailspec: domain of bounce@example.com designates 54.240.0.1 as permitted sender',
    });
  });

  it('softfails when the address matches nothing before ~all', async () => {
    const verdict = await evaluateSpf(dns, { ip: '192.0.2.7', sender: 'a@example.com' });

    expect(verdict.result).toBe('softfail');
  });

  it('fails when -all is reached and joins split TXT strings', async () => {
    const inside = await evaluateSpf(dns, { ip: '192.0.2.1', sender: 'a@split.example.com' });
    const outside = await evaluateSpf(dns, { ip: '192.0.2.2', sender: 'a@split.example.com' });

    expect([inside.result, outside.result]).toEqual(['pass', 'fail']);
  });

  it('gives none when the domain has no SPF record', async () => {
    const verdict = await evaluateSpf(dns, { ip: '192.0.2.1', sender: 'a@plain.example.com' });

    expect(verdict).toEqual({
      result: 'none',
      explanation: 'mailspec: plain.example.com does not designate permitted sender hosts',
    });
  });

  it('gives permerror when two SPF records are published', async () => {
    const verdict = await evaluateSpf(dns, { ip: '192.0.2.1', sender: 'a@twice.example.com' });

    expect(verdict.result).toBe('permerror');
  });

  it('gives temperror when the TXT query times out or fails with SERVFAIL', async () => {
    const slow = await evaluateSpf(dns, { ip: '192.0.2.1', sender: 'a@slow.example.com' });
    const broken = await evaluateSpf(dns, { ip: '192.0.2.1', sender: 'a@broken.example.com' });

    expect([slow.result, broken.result]).toEqual(['temperror', 'temperror']);
  });

  it('fails when a macro expands to a label too long to exist (a void lookup)', async () => {
    const sender = `${'x'.repeat(64)}@macro.example.com`;

    const verdict = await evaluateSpf(dns, { ip: '192.0.2.1', sender });

    expect(verdict).toEqual({
      result: 'fail',
      explanation: `mailspec: domain of ${sender} does not designate 192.0.2.1 as permitted sender`,
    });
  });

  it('gives permerror when a record has a syntax error that mailauth alone lets through', async () => {
    const verdict = await evaluateSpf(dns, { ip: '192.0.2.1', sender: 'a@bare-ip6.example.com' });

    expect(verdict).toEqual({
      result: 'permerror',
      explanation:
        'mailspec: permanent error in processing during lookup of a@bare-ip6.example.com: invalid SPF record at bare-ip6.example.com: term "ip6" needs ":" and a network',
    });
  });

  it('passes when a HELO that is no domain name makes the lookups built from it void', async () => {
    const verdict = await evaluateSpf(dns, {
      ip: '192.0.2.1',
      sender: 'a@helo.example.com',
      helo: 'OEMCOMPUTER',
    });

    expect(verdict).toEqual({
      result: 'pass',
      explanation:
        'mailspec: domain of a@helo.example.com designates 192.0.2.1 as permitted sender',
    });
  });
});
