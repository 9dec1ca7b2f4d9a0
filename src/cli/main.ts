import { isMailspecError, MailspecError } from '../errors.js';
import { ConfigError } from '../config/load.js';
import { configErrorAnnotation } from '../report/annotations.js';
import { runAuditCommand } from './audit.js';
import { runDemoCommand } from './demo.js';
import { runPolicyCommand } from './policy.js';
import { runRecordCommand } from './record.js';
import { runSchemaCommand } from './schema.js';
import { runSmtpPasswordCommand } from './smtp-password.js';
import { HELP, commandNames, type Command } from './commands.js';

/**
 * The entry point of `mailspec`. Expected errors (bad input, a bad file) print one line and
 * exit 2; anything else is a bug and prints its stack.
 */
export async function main(
  argv: string[],
  commands: Record<string, Command> = defaultCommands(),
): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(HELP);
      return name ? 0 : 2;
    }
    const command = commands[name];
    if (!command) {
      throw new MailspecError(
        'MAILSPEC_USAGE',
        `unknown command "${name}"; commands: ${commandNames(commands)}`,
      );
    }
    return await command(rest);
  } catch (error) {
    if (error instanceof ConfigError || isMailspecError(error)) {
      process.stderr.write(`mailspec: ${error.toLine().split('\n').join('\nmailspec: ')}\n`);
      annotateOnGitHub(error, process.env);
      return 2;
    }
    process.stderr.write(
      `mailspec: internal error (please report it)\n${(error as Error).stack ?? error}\n`,
    );
    return 2;
  }
}

/**
 * A bad expectations file also becomes an annotation at its line when run in GitHub Actions,
 * as the findings of a run do, so the pull request that broke the file shows where.
 */
function annotateOnGitHub(error: MailspecError, env: NodeJS.ProcessEnv): void {
  if (env.GITHUB_ACTIONS !== 'true') return;
  const problems = error instanceof ConfigError ? error.problems : [error];
  const paths = { cwd: process.cwd(), workspace: env.GITHUB_WORKSPACE || undefined };
  for (const problem of problems) {
    if (!problem.location) continue;
    const message = `${problem.message} [${problem.code}]`;
    process.stdout.write(`${configErrorAnnotation(problem.location, message, paths)}\n`);
  }
}

function defaultCommands(): Record<string, Command> {
  return {
    audit: runAuditCommand,
    demo: runDemoCommand,
    policy: runPolicyCommand,
    record: runRecordCommand,
    schema: runSchemaCommand,
    'smtp-password': runSmtpPasswordCommand,
  };
}
