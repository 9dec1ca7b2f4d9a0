import { readFileSync } from 'node:fs';
import { loadExpectations } from '../config/load.js';
import { MailspecError } from '../errors.js';
import { recordFixture } from '../record/record.js';
import { parseCommandLine } from './commands.js';

const OPTIONS = {
  out: { type: 'string' },
  expectations: { type: 'string' },
  profile: { type: 'string' },
  'dns-server': { type: 'string', multiple: true },
} as const;

/**
 * `mailspec record --out fixtures/NAME`: audits live and writes what it saw as a fixture
 * that `mailspec audit --fixtures` (or the copied expectations) replays.
 */
export async function runRecordCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandLine('record', argv, OPTIONS);
  if (!values.out) throw new MailspecError('MAILSPEC_USAGE', 'record: --out DIR is required');
  const file = values.expectations ?? 'expectations.yaml';
  const loaded = loadExpectations(file);
  if (values.profile) process.env.AWS_PROFILE = values.profile;

  const run = await recordFixture(loaded, readFileSync(file, 'utf8'), values.out, {
    dnsServers: values['dns-server'],
  });
  process.stdout.write(
    `mailspec: recorded ${run.results.length} results into ${values.out} (${run.files.join(', ')})\n`,
  );
  for (const what of run.redacted) process.stdout.write(`mailspec: redacted ${what}\n`);
  if (run.denied.length > 0) {
    process.stderr.write(
      `mailspec: warning: access denied for ${run.denied.join(', ')}; those checks replay as inconclusive\n`,
    );
  }
  process.stdout.write(
    `mailspec: replay it with: mailspec audit --expectations ${values.out}/expectations.yaml\n`,
  );
  return 0;
}
