import { join, relative } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditFile } from './audit.js';
import { parseCommandLine } from './commands.js';

const EXAMPLE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'fixtures',
  'charter-incident',
  'expectations.yaml',
);

/**
 * Audits the bundled example, a recording of a setup with seeded faults. The audit itself
 * exits 1 on those faults as it would in CI; the demo says so and exits 0, since finding
 * them is what it is for.
 */
export async function runDemoCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandLine('demo', argv, { verbose: { type: 'boolean' } });
  const code = await auditFile({
    file: relative(process.cwd(), EXAMPLE),
    reports: {},
    ...(values.verbose ? { verbose: true } : {}),
  });
  process.stdout.write(
    `\nThe audit exited with code ${code} (0 all pass, 1 a fault found, 2 could not check).\n` +
      'This example carries seeded faults, so code 1 is the expected result; in CI it would stop the merge.\n',
  );
  return code === 1 ? 0 : code;
}
