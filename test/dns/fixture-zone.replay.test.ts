import { describe, expect, it } from 'vitest';
import dmarcRecord from '../../checks/dns/dmarc.record.js';
import { parseExpectations } from '../../src/config/load.js';
import type { SubjectOf } from '../../src/engine/check.js';
import { prepareSource } from '../../src/engine/source.js';
import { subjectsFor } from '../../src/engine/subjects.js';

/** The bundled example recording, audited with a domain it never recorded. */
const loaded = parseExpectations(
  `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
  - domain: example.org
    regions: [us-east-1]
`,
  'expectations.yaml',
);

async function dmarcOf(domain: string) {
  const prepared = await prepareSource(loaded, { fixtures: 'fixtures/example' });
  const subjects = subjectsFor(loaded.expectations, 'domain') as SubjectOf<'domain'>[];
  const subject = subjects.find((s) => s.domain.domain === domain)!;
  try {
    return dmarcRecord.evaluate(subject, await dmarcRecord.collect(subject, prepared.ctx), {
      now: prepared.ctx.now,
    });
  } finally {
    await prepared.close();
  }
}

describe('replayed DNS for names outside the recording', () => {
  it('is inconclusive when the domain lies outside every recorded zone, naming the recording', async () => {
    const outcome = await dmarcOf('example.org');

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'DMARC record of example.org could not be read (the recording holds no DNS answer for _dmarc.example.org)',
      found: '_dmarc.example.org: the recording holds no DNS answer for _dmarc.example.org',
    });
  });

  it('passes when a name inside a recorded zone keeps its recorded answer', async () => {
    const prepared = await prepareSource(loaded, { fixtures: 'fixtures/example' });
    const inside = await prepared.ctx.dns.query('nothere.example.com', 'TXT');
    await prepared.close();

    expect(inside.status).toBe('nxdomain');
  });
});
