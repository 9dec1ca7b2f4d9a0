import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { rawQuery, type RawQueryOptions } from '../../src/dns/raw-query.js';
import { Zone } from '../../src/dns/zone.js';

let server: LoopbackDnsServer;
let silent: LoopbackDnsServer;
let options: RawQueryOptions;

beforeAll(async () => {
  server = await startLoopbackDns(
    new Zone([
      { name: 'foo:bar/baz.example.com', type: 'A', data: '1.2.3.4' },
      {
        name: 'foo:bar/baz.example.com',
        type: 'MX',
        data: { exchange: 'Foo:Bar/Baz.Example.com.', priority: 0 },
      },
      {
        name: 'macro%percent  space%20url-space.example.com',
        type: 'TXT',
        data: ['v=spf1', ' -all'],
      },
      { name: 'alias:colon.example.com', type: 'CNAME', data: 'target.example.com' },
      { name: 'target.example.com', type: 'A', data: '192.0.2.7' },
      { name: 'broken:colon.example.com', type: 'TXT', rcode: 'SERVFAIL' },
      { name: 'refused:colon.example.com', type: 'TXT', rcode: 'REFUSED' },
      { name: 'slow:colon.example.com', type: 'TXT', rcode: 'TIMEOUT' },
    ]),
  );
  // A server that never replies to the one question the fallback test asks.
  silent = await startLoopbackDns(
    new Zone([{ name: 'foo:bar/baz.example.com', type: 'A', rcode: 'TIMEOUT' }]),
  );
  // One try of 200 ms: the TIMEOUT names never answer, and nothing else waits on the clock.
  options = { servers: [server.address], timeoutMs: 200, tries: 1 };
});
afterAll(() => Promise.all([server.close(), silent.close()]));

describe('rawQuery over the loopback server', () => {
  it('passes when a name with a colon has the A record asked for', async () => {
    const answer = await rawQuery('foo:bar/baz.example.com', 'A', options);

    expect(answer).toEqual({
      name: 'foo:bar/baz.example.com',
      type: 'A',
      status: 'ok',
      records: ['1.2.3.4'],
    });
  });

  it('passes when MX exchanges come back lowercase without the trailing dot', async () => {
    const answer = await rawQuery('foo:bar/baz.example.com', 'MX', options);

    expect(answer.records).toEqual([{ exchange: 'foo:bar/baz.example.com', priority: 0 }]);
  });

  it('passes when a TXT record of a name with percent signs and spaces keeps its strings', async () => {
    const answer = await rawQuery('macro%percent  space%20url-space.example.com', 'TXT', options);

    expect(answer.status).toBe('ok');
    expect(answer.records).toEqual([['v=spf1', ' -all']]);
  });

  it('passes when only the type asked is kept from an answer led by a CNAME', async () => {
    const answer = await rawQuery('alias:colon.example.com', 'A', options);

    expect(answer).toMatchObject({ status: 'ok', records: ['192.0.2.7'] });
  });

  it('fails as NODATA when the name with a colon exists without that type', async () => {
    const answer = await rawQuery('foo:bar/baz.example.com', 'TXT', options);

    expect(answer).toEqual({
      name: 'foo:bar/baz.example.com',
      type: 'TXT',
      status: 'nodata',
      records: [],
    });
  });

  it('fails as NXDOMAIN when the name with a colon does not exist', async () => {
    const answer = await rawQuery('no:such.example.com', 'A', options);

    expect(answer).toEqual({
      name: 'no:such.example.com',
      type: 'A',
      status: 'nxdomain',
      records: [],
    });
  });

  it('fails as SERVFAIL, REFUSED and timeout when the server says so or stays silent', async () => {
    const answers = await Promise.all(
      ['broken', 'refused', 'slow'].map((label) =>
        rawQuery(`${label}:colon.example.com`, 'TXT', options),
      ),
    );

    expect(answers).toEqual([
      { name: 'broken:colon.example.com', type: 'TXT', status: 'servfail', records: [] },
      { name: 'refused:colon.example.com', type: 'TXT', status: 'refused', records: [] },
      { name: 'slow:colon.example.com', type: 'TXT', status: 'timeout', records: [] },
    ]);
  });

  it('passes when a silent first server hands the question to the next one', async () => {
    const servers = [silent.address, server.address];

    const answer = await rawQuery('foo:bar/baz.example.com', 'A', { ...options, servers });

    expect(answer).toMatchObject({ status: 'ok', records: ['1.2.3.4'] });
    expect(silent.queries.get('foo:bar/baz.example.com A')).toBe(1);
  });

  it('fails as a DNS error without asking when a label is empty or longer than 63 octets', async () => {
    const before = server.queries.size;

    const answers = await Promise.all(
      ['a::b..example.com', `${'x'.repeat(64)}:y.example.com`].map((name) =>
        rawQuery(name, 'A', options),
      ),
    );

    expect(answers.map((answer) => [answer.status, answer.detail])).toEqual([
      ['error', 'EBADNAME'],
      ['error', 'EBADNAME'],
    ]);
    expect(server.queries.size).toBe(before);
  });
});
