import { describe, expect, it } from 'vitest';
import check from '../../../checks/recipient/recipient.provider.js';
import type { DnsAnswer, MxRecord } from '../../../src/dns/answer.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { fakeDns, testContext } from '../../support/audit-context.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const recipient = (provider?: 'exchange-online' | 'google' | 'other'): SubjectOf<'recipient'> => ({
  scope: 'recipient',
  recipient: { domain: 'example.net', provider, requires: 'dmarc-pass' },
  path: ['recipients', 0],
});
const mx = (...records: MxRecord[]): DnsAnswer => ({
  name: 'example.net',
  type: 'MX',
  status: 'ok',
  records,
});

describe('recipient.provider', () => {
  it('passes when the declared Exchange Online tenant has its MX at mail.protection.outlook.com', async () => {
    const dns = fakeDns({
      'example.net MX': mx({ exchange: 'example-net.mail.protection.outlook.com', priority: 0 }),
    });
    const ctx = testContext({ dns });

    const answer = await check.collect(recipient('exchange-online'), ctx);
    const outcome = check.evaluate(recipient('exchange-online'), answer, ctx);

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'example.net receives mail at exchange-online (example-net.mail.protection.outlook.com)',
      found: 'MX example-net.mail.protection.outlook.com',
    });
  });

  it('passes when an undeclared provider is detected from the most preferred MX', () => {
    const answer = mx(
      { exchange: 'alt1.aspmx.l.google.com', priority: 5 },
      { exchange: 'aspmx.l.google.com', priority: 1 },
    );

    const outcome = check.evaluate(recipient(), answer, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'example.net receives mail at google (aspmx.l.google.com)',
      found: 'MX aspmx.l.google.com, alt1.aspmx.l.google.com',
    });
  });

  it('warns when the declared provider and the MX disagree', () => {
    const answer = mx({ exchange: 'aspmx.l.google.com', priority: 1 });

    const outcome = check.evaluate(recipient('exchange-online'), answer, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message: 'example.net is declared as exchange-online but its MX shows google',
      expected: 'MX of exchange-online',
      found: 'MX aspmx.l.google.com',
    });
  });

  it('warns when Exchange Online is declared and the MX is another host', () => {
    const answer = mx({ exchange: 'mx1.example-filter.org', priority: 10 });

    const outcome = check.evaluate(recipient('exchange-online'), answer, { now });

    expect(outcome).toMatchObject({
      outcome: 'warn',
      message: 'example.net is declared as exchange-online but its MX shows other',
    });
  });

  it('fails when the recipient domain has no MX', () => {
    const answer: DnsAnswer = { name: 'example.net', type: 'MX', status: 'nodata', records: [] };

    const outcome = check.evaluate(recipient('google'), answer, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'example.net has no MX (no MX record), so it receives no mail by MX',
      expected: 'MX of google',
      found: 'no MX record',
    });
  });

  it('fails when the recipient domain publishes a null MX', () => {
    const outcome = check.evaluate(recipient(), mx({ exchange: '', priority: 0 }), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'example.net publishes a null MX, so it accepts no mail',
      expected: 'MX of any provider',
      found: 'MX 0 .',
    });
  });

  it('is inconclusive when the MX lookup fails with SERVFAIL', () => {
    const answer: DnsAnswer = { name: 'example.net', type: 'MX', status: 'servfail', records: [] };

    const outcome = check.evaluate(recipient(), answer, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: 'MX of example.net could not be read (SERVFAIL)',
    });
  });
});
