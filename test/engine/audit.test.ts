import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/load.js';
import { audit } from '../../src/engine/audit.js';

const MISSPELT = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
waivers:
  - check: spf.lookup-limt
    subject: example.com
    reason: the marketing include is being removed
    expires: 2027-01-31
`;

describe('audit', () => {
  it('fails before any check runs when a waiver names a check id that does not exist', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailspec-audit-')), 'expectations.yaml');
    writeFileSync(file, MISSPELT);

    const error = await audit(file, {}, 'expectations.yaml').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).toLine()).toBe(
      'expectations.yaml:6:12: waivers[0].check: "spf.lookup-limt" is not the id of any check (did you mean spf.lookup-limit?) [MAILSPEC_CONFIG_INVALID]',
    );
  });
});
