import { loadExpectations } from '../config/load.js';
import { auditPolicyFor } from '../iam/policy.js';
import { parseCommandLine } from './commands.js';

/**
 * `mailspec policy`: prints the least-privilege IAM policy the audit of one expectations
 * file needs, as JSON on stdout (so it can be piped to `aws iam create-policy`); where the
 * file leaves a resource open, a note on stderr says which key narrows it.
 */
export async function runPolicyCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandLine('policy', argv, { expectations: { type: 'string' } });
  const loaded = loadExpectations(values.expectations ?? 'expectations.yaml');

  const { policy, notes } = auditPolicyFor(loaded.expectations);
  process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
  for (const note of notes) process.stderr.write(`mailspec: note: ${note}\n`);
  return 0;
}
