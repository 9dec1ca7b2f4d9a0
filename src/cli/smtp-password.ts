import { parseArgs } from 'node:util';
import { MailspecError } from '../errors.js';
import { isSesRegion, nearestRegion } from '../ses/regions.js';
import { ACCESS_KEY_ID, deriveSmtpPassword } from '../smtp/password.js';
import { parseCommandLine, type Command } from './commands.js';

/** The streams the command uses; tests pass their own. */
export interface SmtpPasswordIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const OPTIONS = { region: { type: 'string' } } as const;

/**
 * `mailspec smtp-password --region R`: derives the SES SMTP password of a secret access key.
 * The secret is read from standard input only, never from the command line, where it would
 * stay in the shell history and be visible to other users in the process list.
 */
export function createSmtpPasswordCommand(io: SmtpPasswordIo = defaultIo()): Command {
  return async (argv) => {
    refuseSecretArgument(argv);
    const { values } = parseCommandLine('smtp-password', argv, OPTIONS);
    const region = values.region;
    if (!region) {
      throw new MailspecError('MAILSPEC_USAGE', 'smtp-password: --region is required');
    }
    if (!isSesRegion(region)) {
      throw new MailspecError(
        'MAILSPEC_CONFIG_UNKNOWN_REGION',
        `smtp-password: "${region}" is not a region offering SES (did you mean ${nearestRegion(region)}?)`,
      );
    }

    const typed = io.stdin.isTTY ? await promptHidden(io) : await readAll(io.stdin);
    const secret = typed.trim();
    checkSecret(secret);
    // `echo KEY |` and files end with a newline that is not part of the key: dropping it is
    // what was meant, but a changed input is said, never silently (the key is not shown).
    if (secret !== typed) {
      const what = /^[^\s]+\r?\n$/.test(typed) ? 'the line end after' : 'whitespace around';
      io.stderr.write(`mailspec: smtp-password: note: removed ${what} the secret key\n`);
    }
    io.stdout.write(`${deriveSmtpPassword(secret, region)}\n`);
    return 0;
  };
}

/**
 * A word that is not an option is most likely the secret typed on the command line: the
 * usage error of parseArgs would quote it, so this one names no argument.
 */
function refuseSecretArgument(argv: string[]): void {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, tokens: true });
  if (tokens.some((token) => token.kind === 'positional')) {
    throw new MailspecError(
      'MAILSPEC_USAGE',
      'smtp-password: the secret access key is read from standard input only, never from the command line',
    );
  }
}

/** Refuses input that cannot be a secret access key; the messages never quote it. */
function checkSecret(secret: string): void {
  const refuse = (why: string) => {
    throw new MailspecError('MAILSPEC_SECRET_INPUT', `smtp-password: ${why}`);
  };
  if (!secret) refuse('no secret access key on standard input');
  if (/\s/.test(secret)) {
    refuse('standard input holds more than one word or line; give the secret access key alone');
  }
  if (ACCESS_KEY_ID.test(secret)) {
    refuse('standard input holds an access key ID; the password is derived from its secret key');
  }
}

export const runSmtpPasswordCommand: Command = (argv) => createSmtpPasswordCommand()(argv);

function defaultIo(): SmtpPasswordIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** The whole of a piped input, as it came. */
async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads one line from a terminal in raw mode, so the typed characters are not echoed.
 * Backspace edits, Enter ends, Ctrl-C and Ctrl-D give up with an empty answer.
 */
function promptHidden({ stdin, stderr }: SmtpPasswordIo): Promise<string> {
  stderr.write('AWS secret access key (input hidden): ');
  stdin.setRawMode?.(true);
  stdin.resume();

  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || char === '\u0004') return finish('');
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}
