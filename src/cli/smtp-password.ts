import { MailspecError } from '../errors.js';
import { isSesRegion, nearestRegion } from '../ses/regions.js';
import { deriveSmtpPassword } from '../smtp/password.js';
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

    const secret = io.stdin.isTTY ? await promptHidden(io) : await readAll(io.stdin);
    if (!secret) {
      throw new MailspecError(
        'MAILSPEC_SECRET_INPUT',
        'smtp-password: no secret access key on standard input',
      );
    }
    io.stdout.write(`${deriveSmtpPassword(secret, region)}\n`);
    return 0;
  };
}

export const runSmtpPasswordCommand: Command = (argv) => createSmtpPasswordCommand()(argv);

function defaultIo(): SmtpPasswordIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** The whole of a piped input, without the line end that `echo` or a file adds. */
async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').trim();
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
      resolve(value.trim());
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
