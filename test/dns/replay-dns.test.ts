import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStatus } from '../../src/dns/answer.js';
import { startReplayDns, type ReplayDns } from '../../src/dns/replay-dns.js';

describe('startReplayDns', () => {
  let replay: ReplayDns;
  beforeAll(async () => {
    replay = await startReplayDns([
      { name: 'example.com', type: 'TXT', data: 'v=spf1 include:amazonses.com -all' },
      { name: 'closed.example.com', type: 'TXT', rcode: 'REFUSED' },
    ]);
  });
  afterAll(() => replay.close());

  it('fails when a name lies outside every recorded zone: unrecorded, naming the recording', async () => {
    const answer = await replay.dns.query('partner.com', 'MX');

    expect(answer).toEqual({
      name: 'partner.com',
      type: 'MX',
      status: 'refused',
      records: [],
      unrecorded: true,
    });
    expect(describeStatus(answer)).toBe('the recording holds no DNS answer for partner.com');
  });

  it('fails when the recording holds a REFUSED inside its zones: REFUSED, as recorded', async () => {
    const answer = await replay.dns.query('closed.example.com', 'TXT');

    expect(answer).toEqual({
      name: 'closed.example.com',
      type: 'TXT',
      status: 'refused',
      records: [],
    });
    expect(describeStatus(answer)).toBe('REFUSED');
  });

  it('passes when a recorded name keeps its recorded answer', async () => {
    const answer = await replay.dns.query('example.com', 'TXT');

    expect(answer).toEqual({
      name: 'example.com',
      type: 'TXT',
      status: 'ok',
      records: [['v=spf1 include:amazonses.com -all']],
    });
  });
});
