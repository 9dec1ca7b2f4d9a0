import { describe, expect, it } from 'vitest';
import check from '../../../checks/dns/dmarc.report-authorization.js';
import type { DnsAnswer } from '../../../src/dns/answer.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { fakeDns, testContext } from '../../support/audit-context.js';

const subject = {
  scope: 'domain',
  domain: {
    domain: 'example.com',
    regions: ['us-east-1'],
    dmarc: { policy: 'reject', require_report_authorization: true },
  },
  path: ['domains', 0],
} as unknown as SubjectOf<'domain'>;
const now = { now: () => new Date('2026-11-30T09:00:00Z') };
const txt = (...records: string[]) => ({ status: 'ok' as const, records: records.map((r) => [r]) });

async function judge(answers: Record<string, Partial<DnsAnswer>>) {
  const ctx = testContext({ dns: fakeDns(answers) });
  const facts = await check.collect(subject, ctx);
  return check.evaluate(subject, facts, now);
}

describe('dmarc.report-authorization', () => {
  it('passes when the external destination publishes its authorization record', async () => {
    const outcome = await judge({
      '_dmarc.example.com TXT': txt('v=DMARC1; p=reject; rua=mailto:dmarc@reports.example.net'),
      'example.com._report._dmarc.reports.example.net TXT': txt('v=DMARC1'),
    });

    expect(outcome).toEqual([
      {
        outcome: 'pass',
        message:
          'mailto:dmarc@reports.example.net is authorized to receive DMARC reports for example.com',
        item: 'mailto:dmarc@reports.example.net',
        expected: 'TXT "v=DMARC1" at example.com._report._dmarc.reports.example.net',
        found: 'example.com._report._dmarc.reports.example.net: v=DMARC1',
      },
    ]);
  });

  it('is inconclusive when the DMARC lookup times out', async () => {
    const outcome = await judge({ '_dmarc.example.com TXT': { status: 'timeout' } });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'DMARC report destinations of example.com could not be read (_dmarc.example.com: DNS timeout)',
    });
  });

  it('is inconclusive when the resolver refuses the connection', async () => {
    const outcome = await judge({
      '_dmarc.example.com TXT': { status: 'error', detail: 'ECONNREFUSED' },
    });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'DMARC report destinations of example.com could not be read (_dmarc.example.com: DNS error: ECONNREFUSED)',
    });
  });

  it('passes when no DMARC record exists, producing no result (dmarc.record reports it)', async () => {
    const outcome = await judge({});

    expect(outcome).toEqual([]);
  });
});
