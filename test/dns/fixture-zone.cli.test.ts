import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';

/** `mailspec audit --fixtures DIR` in process, with what it wrote to stdout and stderr. */
const audit = (dir: string) => runMain(['audit', '--fixtures', dir]);

/** A copy of the bundled example fixture with one file replaced. */
function exampleWith(file: string, text: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mailspec-bad-fixture-')), 'fixture');
  cpSync('fixtures/example', dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

describe('mailspec audit of a broken fixture', () => {
  it('fails with exit 2 and one line when recording.json is cut short', async () => {
    const dir = exampleWith('recording.json', '{"recorded_at": ');

    const run = await audit(dir);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${join(dir, 'recording.json')}:1:17: Unexpected end of JSON input (not valid JSON) [MAILSPEC_FIXTURE_SYNTAX]\n`,
    });
  });

  it('fails with exit 2 and one line when an MX record holds a plain string', async () => {
    const dir = exampleWith(
      'dns/identity.yaml',
      '- { name: mail.example.com, type: MX, data: mx }\n',
    );

    const run = await audit(dir);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: ${join(dir, 'dns', 'identity.yaml')}:1:45: zone record 1 (mail.example.com MX): MX data must be a mapping { exchange, priority } [MAILSPEC_FIXTURE_INVALID]\n`,
    });
  });
});
