import { describe, expect, it } from 'vitest';
import { restoreEnvironmentAfterEach, runMain } from '../support/cli.js';

const cli = runMain;

restoreEnvironmentAfterEach();

const IGNORED =
  "mailspec: audit: --dns-server has no effect on a replay: the fixture's DNS is served from its zone files [MAILSPEC_USAGE]\n";

describe('audit --dns-server', () => {
  it('fails with exit 2 and one line when the file replays a fixture', async () => {
    process.env.MAILSPEC_SOURCE = '';

    const run = await cli(['audit', '--dns-server', '1.1.1.1']);

    expect(run).toEqual({ code: 2, stdout: '', stderr: IGNORED });
  });

  it('fails with exit 2 and one line when --fixtures chooses the replay', async () => {
    const run = await cli([
      'audit',
      '--expectations',
      'fixtures/charter-incident/expectations.yaml',
      '--fixtures',
      'fixtures/charter-incident',
      '--dns-server',
      '1.1.1.1',
    ]);

    expect(run).toEqual({ code: 2, stdout: '', stderr: IGNORED });
  });
});
