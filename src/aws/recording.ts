import { readdirSync, readFileSync } from 'node:fs';
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
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new MailspecError(
        'MAILSPEC_FIXTURE_INVALID',
        `${path} is not JSON: ${(error as Error).message}`,
      );
    }
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

function validateCall(value: unknown, where: string): RecordedCall {
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
