import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseExpectations } from '../../src/config/load.js';
import { assertWaiverChecksExist } from '../../src/config/waiver-checks.js';
import { knownCheckIds } from '../../src/engine/audit.js';
import { runMain } from '../support/cli.js';

const HEAD = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
waivers:
  - check: dmarc.policy
    subject: example.com
    reason: moving to p=reject after the Q1 review
    expires: 2027-01-31
`;

function problems(text: string, ids: string[]): string {
  try {
    assertWaiverChecksExist(parseExpectations(text, 'expectations.yaml'), ids);
    return 'ok';
  } catch (error) {
    if (error instanceof ConfigError) return error.toLine();
    throw error;
  }
}

describe('assertWaiverChecksExist', () => {
  it('fails when a waiver names a check id that does not exist, at its line, with the nearest id', () => {
    const text = `${HEAD}  - check: dmarc.polcy\n    subject: example.com\n    reason: typo\n    expires: 2027-01-31\n`;

    expect(problems(text, knownCheckIds())).toBe(
      'expectations.yaml:10:12: waivers[1].check: "dmarc.polcy" is not the id of any check (did you mean dmarc.policy?) [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('passes when every waiver names a check id that exists', () => {
    expect(problems(HEAD, knownCheckIds())).toBe('ok');
  });
});

describe('knownCheckIds', () => {
  it('passes when the ids are the check file names plus the stale-waiver check', () => {
    const ids = knownCheckIds();

    expect(ids).toContain('dmarc.policy');
    expect(ids).toContain('suppression.must-reach');
    expect(ids.at(-1)).toBe('config.waiver-matches');
    expect(ids).toHaveLength(new Set(ids).size);
  });
});

describe('mailspec audit with a misspelt waiver', () => {
  it('fails with exit 2 and one line before the run starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailspec-waiver-check-'));
    const file = join(dir, 'expectations.yaml');
    writeFileSync(file, HEAD.replace('check: dmarc.policy', 'check: dmarc.polcy'));

    const run = await cli(['audit', '--expectations', file]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${file}:6:12: waivers[0].check: "dmarc.polcy" is not the id of any check (did you mean dmarc.policy?) [MAILSPEC_CONFIG_INVALID]\n`,
    });
  });
});

const cli = runMain;
