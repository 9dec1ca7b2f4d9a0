import { mockClient } from 'aws-sdk-client-mock';
import { READ_COMMANDS, SERVICES, type ServiceName } from './commands.js';
import type { Recording } from './recording.js';

/**
 * Replays a recording through aws-sdk-client-mock: the real SDK clients are built as in a
 * live run, and only their `send` answers from the recording. A call the recording lacks
 * fails with `NotRecorded`, which checks report as inconclusive, never as a pass.
 */
export function installReplay(recording: Recording): () => void {
  const mocks = Object.keys(SERVICES).map((name) => {
    const service = name as ServiceName;
    const mock = mockClient(SERVICES[service].client as never);
    const commands = READ_COMMANDS[service] as Record<string, new (input: object) => object>;

    for (const [operation, Command] of Object.entries(commands)) {
      mock.on(Command as never).callsFake(async (input: object, getClient: () => unknown) => {
        const client = getClient() as { config: { region: () => Promise<string> } };
        const region = await client.config.region();
        return answer(recording, service, region, operation, input);
      });
    }
    return mock;
  });
  return () => mocks.forEach((mock) => mock.restore());
}

function answer(
  recording: Recording,
  service: ServiceName,
  region: string,
  operation: string,
  input: object,
) {
  const call = recording.find(service, region, operation, input);
  if (!call) {
    throw Object.assign(new Error(`no recorded answer for ${service} ${operation} in ${region}`), {
      name: 'NotRecorded',
    });
  }
  if (call.error) {
    throw Object.assign(new Error(call.error.message), {
      name: call.error.name,
      $fault: 'client',
      $metadata: { httpStatusCode: call.error.httpStatusCode ?? 400 },
    });
  }
  return reviveDates(structuredClone(call.output));
}

/** The SDK returns timestamps as Date objects; JSON recordings keep them as ISO strings. */
export function reviveDates(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) {
    return new Date(value);
  }
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveDates(v)]));
  }
  return value;
}
