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

const OPTIONS = { region: { type: 'string', multiple: true } } as const;

/** A secret access key is 40 characters; anything past this is not one, however it ends. */
const MAX_INPUT_BYTES = 1024;

/** IAM secret access keys are 40 characters of the base64 alphabet. */
const SECRET_ACCESS_KEY = /^[A-Za-z0-9+/]{40}$/;

/**
 * Words that may be quoted in a message: a misspelt region or option is worth showing, but a
 * value of another shape may be the secret pasted in the wrong place.
 */
const REGION_LIKE = /^[a-z]{2}(-[a-z0-9]+){1,4}$/;
const OPTION_LIKE = /^[a-z][a-z0-9-]{0,30}$/;

/**
 * `mailspec smtp-password --region R`: derives the SES SMTP password of a secret access key.
 * The secret is read from standard input only, never from the command line, where it would
 * stay in the shell history and be visible to other users in the process list.
 */
export function createSmtpPasswordCommand(io: SmtpPasswordIo = defaultIo()): Command {
  return async (argv) => {
    refuseSecretArgument(argv);
    const { values } = parseCommandLine('smtp-password', argv, OPTIONS);
    const [region, ...more] = values.region ?? [];
    if (!region) {
      throw new MailspecError('MAILSPEC_USAGE', 'smtp-password: --region is required');
    }
    // A password is derived for one region; silently taking the last of two would mislead.
    if (more.length > 0) {
      throw new MailspecError('MAILSPEC_USAGE', 'smtp-password: give --region once');
    }
    if (!isSesRegion(region)) throw unknownRegion(region);

    const typed = io.stdin.isTTY ? await promptHidden(io) : await readAll(io.stdin);
    if (typed === undefined || Buffer.byteLength(typed) > MAX_INPUT_BYTES) {
      throw new MailspecError(
        'MAILSPEC_SECRET_INPUT',
        `smtp-password: standard input holds more than ${MAX_INPUT_BYTES} bytes; give the secret access key alone (40 characters)`,
      );
    }
    const secret = typed.trim();
    checkSecret(secret);
    // `echo KEY |` and files end with a newline that is not part of the key: dropping it is
    // what was meant, but a changed input is said, never silently (the key is not shown).
    if (secret !== typed) {
      const what = /^[^\s]+\r?\n$/.test(typed) ? 'the line end after' : 'whitespace around';
      io.stderr.write(`mailspec: smtp-password: note: removed ${what} the secret key\n`);
    }
    // Still derived: the format is AWS's habit, not a rule this command can be sure of.
    if (!SECRET_ACCESS_KEY.test(secret)) {
      io.stderr.write(
        `mailspec: smtp-password: warning: the secret key is not 40 characters of the base64 alphabet, as IAM secret access keys are (it has ${secret.length}); the password is derived from it anyway\n`,
      );
    }
    io.stdout.write(`${deriveSmtpPassword(secret, region)}\n`);
    return 0;
  };
}

function unknownRegion(region: string): MailspecError {
  const named = REGION_LIKE.test(region)
    ? `"${region}" is not a region offering SES (did you mean ${nearestRegion(region)}?)`
    : 'the --region value is not a region offering SES, nor shaped like a region name such as eu-central-1, so it is not shown';
  return new MailspecError('MAILSPEC_CONFIG_UNKNOWN_REGION', `smtp-password: ${named}`);
}

/**
 * A word that is not an option is most likely the secret typed on the command line: the
 * usage error of parseArgs would quote it, so this one names no argument. An unknown option
 * is named only when it is shaped like one (`--secret-key`, not `--wJalrXUtnFEMI…`).
 */
function refuseSecretArgument(argv: string[]): void {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, tokens: true });
  if (tokens.some((token) => token.kind === 'positional')) {
    throw new MailspecError(
      'MAILSPEC_USAGE',
      'smtp-password: the secret access key is read from standard input only, never from the command line',
    );
  }
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name in OPTIONS) continue;
    const named = OPTION_LIKE.test(token.name)
      ? `Unknown option '${token.rawName}'`
      : 'an unknown option, not shown since it is not shaped like an option name';
    throw new MailspecError('MAILSPEC_USAGE', `smtp-password: ${named} (see mailspec --help)`);
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

/**
 * The whole of a piped input, as it came; undefined as soon as it outgrows any secret key,
 * so a file or a stream piped in by mistake is neither held in memory nor read to its end.
 */
async function readAll(stdin: NodeJS.ReadableStream): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = Buffer.from(chunk as Buffer);
    size += bytes.length;
    if (size > MAX_INPUT_BYTES) return undefined;
    chunks.push(bytes);
  }
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
        if (typed.length > MAX_INPUT_BYTES) return finish(typed);
      }
    };
    stdin.on('data', onData);
  });
}
