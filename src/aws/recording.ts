import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MailspecError } from '../errors.js';
import { READ_COMMANDS, type ServiceName } from './commands.js';
import { stableJson } from './gateway.js';

/**
 * One recorded AWS call: what was asked (service, region, operation, input) and what AWS
 * answered, either the response body as the SDK returns it or the error's name and message.
 * A recording is every `*.json` file under `<fixture>/aws/`, each a list of these.
 */
export interface RecordedCall {
  service: ServiceName;
  region: string;
  operation: string;
  input?: Record<string, unknown>;
  output?: Record<string, unknown>;
  error?: { name: string; message: string; httpStatusCode?: number };
}

export class Recording {
  private readonly byKey = new Map<string, RecordedCall>();

  constructor(readonly calls: RecordedCall[]) {
    for (const call of calls) this.byKey.set(Recording.key(call), call);
  }

  static key(call: Pick<RecordedCall, 'service' | 'region' | 'operation' | 'input'>): string {
    return `${call.service} ${call.region} ${call.operation} ${stableJson(call.input ?? {})}`;
  }

  find(service: ServiceName, region: string, operation: string, input: object) {
    return this.byKey.get(Recording.key({ service, region, operation, input: input as never }));
  }

  /** The services and operations the recording answers, to install mocks for. */
  operations(): Map<ServiceName, Set<string>> {
    const result = new Map<ServiceName, Set<string>>();
    for (const call of this.calls) {
      const set = result.get(call.service) ?? new Set<string>();
      set.add(call.operation);
      result.set(call.service, set);
    }
    return result;
  }
}

/** Reads `<dir>/aws/*.json`; a missing folder is an empty recording (a DNS-only fixture). */
export function loadRecording(fixtureDir: string): Recording {
  const awsDir = join(fixtureDir, 'aws');
  let files: string[] = [];
  try {
    files = readdirSync(awsDir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    return new Recording([]);
  }

  const calls: RecordedCall[] = [];
  for (const name of files) {
    const path = join(awsDir, name);
    const parsed = readJsonFile(path);
    if (!Array.isArray(parsed)) {
      throw new MailspecError(
        'MAILSPEC_FIXTURE_INVALID',
        `${path} must hold a list of recorded calls`,
      );
    }
    parsed.forEach((call, index) => calls.push(validateCall(call, `${path}[${index}]`)));
  }
  return new Recording(calls);
}

/**
 * The clock of a replayed run (`recording.json`): a recording is judged as of the moment it
 * was made, so ages such as "key created 120 days ago" read the same at every replay. A
 * fixture without the file is judged now.
 */
export function readRecordedAt(fixtureDir: string): Date {
  const file = join(fixtureDir, 'recording.json');
  if (!existsSync(file)) return new Date();
  const parsed = readJsonFile(file) as { recorded_at?: unknown } | null;
  const value = parsed && typeof parsed === 'object' ? parsed.recorded_at : undefined;
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new MailspecError(
      'MAILSPEC_FIXTURE_INVALID',
      `${file}: recorded_at is not a date (an ISO 8601 time such as 2026-11-30T09:00:00Z)`,
    );
  }
  return date;
}

/** Parses a JSON file; a syntax error names the file, line and column where V8 stopped. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why =
      code === 'EISDIR' ? 'is a folder, where a JSON file belongs' : `cannot be read (${code})`;
    throw new MailspecError('MAILSPEC_FIXTURE_INVALID', `${file} ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 says "… in JSON at position N (line L column C)", "Unexpected end of JSON input",
    // or "Unexpected token '}', "<the text>" is not valid JSON" (no position, and the text
    // itself, which is left out of the message).
    const message = (error as Error).message;
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    const position = /at position (\d+)/.exec(message);
    const end = /end of JSON input/.test(message);
    if (!position && !end) {
      throw new MailspecError('MAILSPEC_FIXTURE_SYNTAX', `${file}: ${reason} (not valid JSON)`);
    }
    const offset = position ? Number(position[1]) : text.length;
    throw new MailspecError('MAILSPEC_FIXTURE_SYNTAX', `${reason} (not valid JSON)`, {
      file,
      ...lineAndColumn(text, offset),
    });
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function validateCall(value: unknown, where: string): RecordedCall {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new MailspecError('MAILSPEC_FIXTURE_INVALID', `${where}: a recorded call is an object`);
  }
  const call = value as RecordedCall;
  const commands = READ_COMMANDS[call?.service] as Record<string, unknown> | undefined;
  if (!commands) {
    throw new MailspecError(
      'MAILSPEC_FIXTURE_INVALID',
      `${where}: unknown service "${call?.service}"`,
    );
  }
  if (!commands[call.operation]) {
    throw new MailspecError(
      'MAILSPEC_FIXTURE_INVALID',
      `${where}: ${call.service} has no read operation "${call.operation}" the audit uses`,
    );
  }
  if (typeof call.region !== 'string' || (!call.output && !call.error)) {
    throw new MailspecError(
      'MAILSPEC_FIXTURE_INVALID',
      `${where}: needs a region and an output or an error`,
    );
  }
  return call;
}
