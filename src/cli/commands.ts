import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MailspecError } from '../errors.js';

/** A subcommand: takes its own arguments, returns the exit code. */
export type Command = (argv: string[]) => Promise<number>;

export const HELP = `mailspec: policy-as-code tests for email sending on AWS (SES, Route 53, IAM, Lambda, DNS)

Usage:
  mailspec audit [--expectations FILE] [--fixtures DIR | --live] [options]
  mailspec demo                       audit the bundled example (fixtures/charter-incident)
  mailspec smtp-password --region R   derive an SES SMTP password from a secret key on stdin
  mailspec record --out DIR           record a live run as a replayable fixture
  mailspec policy [--expectations FILE]
                                      print the least-privilege IAM policy the audit needs
  mailspec schema [--markdown]        print the JSON Schema of expectations.yaml (or its key table)

audit options:
  --expectations FILE   the expectations file (default: expectations.yaml)
  --fixtures DIR        replay this recorded fixture instead of the file's source
  --live                use live AWS and DNS whatever the file says (also MAILSPEC_SOURCE=live)
  --profile NAME        AWS profile for live runs (default credential chain otherwise)
  --dns-server HOST     DNS server to ask, host or host:port; repeatable
  --json FILE           write the JSON report
  --junit FILE          write a JUnit XML report
  --sarif FILE          write a SARIF report for code scanning
  --fail-on warn        make warnings fail the run (exit 1)
  --shard i/n           run only the i-th of n shards of the suites
  --verbose             print the source, the counts of checks and subjects and the AWS call
                        statistics to stderr, and debug output

Exit codes: 0 all passed (or waived), 1 an expectation failed, 2 inconclusive or bad input.
`;

export function commandNames(commands: Record<string, unknown>): string {
  return Object.keys(commands).join(', ');
}

/**
 * util.parseArgs with its errors turned into one-line usage errors. An empty value
 * (`--json ''`, an unset variable in a CI script) is refused too: taken as absent, it would
 * silently drop the report or the fixture that was asked for.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: string[],
  options: T,
) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    const message = (error as Error).message
      .split('\n')[0]
      .replace(/\. To specify a positional.*$/, '');
    throw new MailspecError('MAILSPEC_USAGE', `${command}: ${message} (see mailspec --help)`);
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '' || (Array.isArray(value) && value.includes(''))) {
      throw new MailspecError(
        'MAILSPEC_USAGE',
        `${command}: --${name} needs a value, not an empty string (see mailspec --help)`,
      );
    }
  }
  return parsed;
}
