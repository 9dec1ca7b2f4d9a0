import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStatus, isAbsent, isUndecided } from '../../src/dns/answer.js';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { createResolver, type DnsLookup } from '../../src/dns/resolver.js';
import { Zone } from '../../src/dns/zone.js';

let server: LoopbackDnsServer;
let dns: DnsLookup;

beforeAll(async () => {
  server = await startLoopbackDns(
    new Zone([
      { name: 'example.com', type: 'TXT', data: ['v=spf1 include:amazonses.com', ' ~all'] },
      {
        name: 'Mail.Example.com.',
        type: 'MX',
        data: { exchange: 'Feedback-SMTP.us-east-1.amazonses.com', priority: 10 },
      },
      { name: 'tok._domainkey.example.com', type: 'CNAME', data: 'tok.dkim.example.net' },
      { name: 'tok.dkim.example.net', type: 'CNAME', data: 'final.example.net' },
      { name: 'final.example.net', type: 'TXT', data: 'p=MIGf' },
      { name: 'broken.example.com', type: 'TXT', rcode: 'SERVFAIL' },
      { name: 'refused.example.com', type: 'TXT', rcode: 'REFUSED' },
      { name: 'slow.example.com', type: 'TXT', rcode: 'TIMEOUT' },
      { name: 'foo:bar/baz.example.com', type: 'A', data: '1.2.3.4' },
    ]),
  );
  // One try of 200 ms: the TIMEOUT name never answers, and nothing else waits on the clock.
  dns = createResolver({ servers: [server.address], timeoutMs: 200, tries: 1 });
});
afterAll(() => server.close());

describe('createResolver over the loopback server', () => {
  it('passes when a multi-string TXT record keeps its character-strings', async () => {
    const answer = await dns.query('EXAMPLE.com.', 'TXT');

    expect(answer).toEqual({
      name: 'example.com',
      type: 'TXT',
      status: 'ok',
      records: [['v=spf1 include:amazonses.com', ' ~all']],
    });
  });

  it('passes when MX names come back lowercase without the trailing dot', async () => {
    const answer = await dns.query('mail.example.com', 'MX');

    expect(answer.records).toEqual([
      { exchange: 'feedback-smtp.us-east-1.amazonses.com', priority: 10 },
    ]);
  });

  it('passes when CNAMEs are chased to the record asked for, and a CNAME query stops at the alias', async () => {
    const chased = await dns.query('tok._domainkey.example.com', 'TXT');
    const alias = await dns.query('tok._domainkey.example.com', 'CNAME');

    expect(chased).toMatchObject({ status: 'ok', records: [['p=MIGf']] });
    expect(alias).toMatchObject({ status: 'ok', records: ['tok.dkim.example.net'] });
  });

  it('fails as NXDOMAIN when the name does not exist', async () => {
    const answer = await dns.query('nothing.example.com', 'TXT');

    expect(answer).toEqual({
      name: 'nothing.example.com',
      type: 'TXT',
      status: 'nxdomain',
      records: [],
    });
    expect(isAbsent(answer)).toBe(true);
    expect(describeStatus(answer)).toBe('NXDOMAIN');
  });

  it('fails as NODATA when the name exists without that type, or is an empty non-terminal', async () => {
    const otherType = await dns.query('mail.example.com', 'TXT');
    const emptyNonTerminal = await dns.query('_domainkey.example.com', 'TXT');

    expect(otherType.status).toBe('nodata');
    expect(emptyNonTerminal.status).toBe('nodata');
    expect(describeStatus(emptyNonTerminal)).toBe('no TXT record');
  });

  it('fails as undecided on SERVFAIL, REFUSED and timeout', async () => {
    const answers = await Promise.all(
      ['broken', 'refused', 'slow'].map((label) => dns.query(`${label}.example.com`, 'TXT')),
    );

    expect(answers.map((answer) => answer.status)).toEqual(['servfail', 'refused', 'timeout']);
    expect(answers.every(isUndecided)).toBe(true);
    expect(answers.map(describeStatus)).toEqual(['SERVFAIL', 'REFUSED', 'DNS timeout']);
  });

  it('passes when a name c-ares refuses (a colon, a space) is still asked of the same server', async () => {
    const colon = await dns.query('Foo:Bar/Baz.example.com.', 'A');
    const space = await dns.query('no such.example.com', 'A');

    expect(colon).toEqual({
      name: 'foo:bar/baz.example.com',
      type: 'A',
      status: 'ok',
      records: ['1.2.3.4'],
    });
    expect(space).toEqual({
      name: 'no such.example.com',
      type: 'A',
      status: 'nxdomain',
      records: [],
    });
    expect(server.queries.get('no such.example.com A')).toBe(1);
  });
});
