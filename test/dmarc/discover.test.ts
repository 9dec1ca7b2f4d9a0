import { describe, expect, it } from 'vitest';
import { discoverDmarc } from '../../src/dmarc/discover.js';
import { fakeDns, testContext } from '../support/audit-context.js';

const txt = (...records: string[]) => ({ status: 'ok' as const, records: records.map((r) => [r]) });

describe('discoverDmarc', () => {
  it('passes when the From domain holds its own record: p applies', async () => {
    const dns = fakeDns({ '_dmarc.example.com TXT': txt('v=DMARC1; p=reject', 'other') });

    const found = await discoverDmarc(testContext({ dns }), 'example.com');

    expect(found).toMatchObject({
      status: 'found',
      name: '_dmarc.example.com',
      atOrganization: false,
      text: 'v=DMARC1; p=reject',
    });
  });

  it('passes when a subdomain inherits the organizational domain record: sp applies', async () => {
    const dns = fakeDns({
      '_dmarc.news.example.com TXT': { status: 'nodata' },
      '_dmarc.example.com TXT': txt('v=DMARC1; p=reject; sp=quarantine'),
    });

    const found = await discoverDmarc(testContext({ dns }), 'news.example.com');

    expect(found).toMatchObject({
      status: 'found',
      name: '_dmarc.example.com',
      atOrganization: true,
    });
  });

  it('fails when neither the domain nor its organization publishes a record', async () => {
    const found = await discoverDmarc(testContext({ dns: fakeDns() }), 'news.example.com');

    expect(found).toEqual({
      status: 'absent',
      names: ['_dmarc.news.example.com', '_dmarc.example.com'],
      found: '_dmarc.news.example.com: NXDOMAIN; _dmarc.example.com: NXDOMAIN',
    });
  });

  it('fails when two records leave no policy in force', async () => {
    const dns = fakeDns({
      '_dmarc.example.com TXT': txt('v=DMARC1; p=reject', 'v=DMARC1; p=none'),
    });

    const found = await discoverDmarc(testContext({ dns }), 'example.com');

    expect(found).toEqual({
      status: 'several',
      name: '_dmarc.example.com',
      texts: ['v=DMARC1; p=reject', 'v=DMARC1; p=none'],
    });
  });

  it('is inconclusive when the lookup times out, without asking the organization', async () => {
    const dns = fakeDns({ '_dmarc.news.example.com TXT': { status: 'timeout' } });

    const found = await discoverDmarc(testContext({ dns }), 'news.example.com');

    expect(found).toEqual({
      status: 'undecided',
      name: '_dmarc.news.example.com',
      found: 'DNS timeout',
    });
  });
});
