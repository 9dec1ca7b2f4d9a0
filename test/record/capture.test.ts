import { describe, expect, it } from 'vitest';
import type { DnsAnswer } from '../../src/dns/answer.js';
import { startLoopbackDns } from '../../src/dns/loopback-server.js';
import { createResolver } from '../../src/dns/resolver.js';
import { Zone } from '../../src/dns/zone.js';
import { zoneRecords } from '../../src/record/capture.js';

const answers: DnsAnswer[] = [
  { name: 'example.com', type: 'TXT', status: 'ok', records: [['v=spf1 ', '-all']] },
  { name: 'example.com', type: 'MX', status: 'nodata', records: [] },
  { name: 'gone.example.com', type: 'TXT', status: 'nxdomain', records: [] },
  { name: 'gone.example.net', type: 'TXT', status: 'nxdomain', records: [] },
  { name: 'broken.example.com', type: 'TXT', status: 'servfail', records: [] },
  { name: 'closed.example.com', type: 'TXT', status: 'refused', records: [] },
  { name: 'nodata.example.org', type: 'TXT', status: 'nodata', records: [] },
  { name: 'slow.example.com', type: 'A', status: 'timeout', records: [] },
];

describe('capture', () => {
  it('passes when the recorded zone answers every status the live resolver saw', async () => {
    const zone = new Zone(zoneRecords(answers), { refuseOutside: true });
    const server = await startLoopbackDns(zone);
    const resolver = createResolver({ servers: [server.address], timeoutMs: 300, tries: 1 });

    try {
      const replayed = await Promise.all(answers.map((a) => resolver.query(a.name, a.type)));

      expect(
        replayed.map(({ name, type, status, records }) => ({ name, type, status, records })),
      ).toEqual(answers);
    } finally {
      await server.close();
    }
  });

  it('passes when NODATA is a bare marker and NXDOMAIN an rcode marker', () => {
    const records = zoneRecords(answers.slice(1, 3));

    expect(records).toEqual([
      { name: 'example.com', type: 'MX', nodata: true },
      { name: 'gone.example.com', type: 'TXT', rcode: 'NXDOMAIN' },
    ]);
  });
});
