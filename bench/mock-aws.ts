import type { LimitFunction } from 'p-limit';
import type { ServiceName } from '../src/aws/commands.js';
import { Recording } from '../src/aws/recording.js';
import { reviveDates } from '../src/aws/replay.js';

/** What the mocked AWS saw: every request, the throttled ones, and the distinct ones. */
export interface Received {
  total: number;
  throttled: number;
  distinct: number;
}

export interface MockAwsOptions {
  recording: Recording;
  /** Round trip of every call, as a distant endpoint adds it. */
  delayMs: number;
  /** Requests per second each (service, region) bucket accepts. */
  rates: Record<ServiceName, number>;
  /** The bucket holds this many seconds of requests, as AWS's token buckets allow bursts. */
  burstSeconds?: number;
  /** One shared limit for the sequential baseline: one request at a time in all. */
  serial?: LimitFunction;
}

/**
 * AWS as the benchmark meets it: answers come from the recording after `delayMs`, and
 * each (service, region) meters requests with a token bucket, answering ThrottlingException
 * when it is empty, as SES and Route 53 do. It answers without the SDK and
 * aws-sdk-client-mock (src/aws/replay.ts), whose matching costs more CPU per call than the
 * audit itself and would be measured as the audit's.
 */
export function createMockAws(options: MockAwsOptions) {
  const answers = new Map(
    options.recording.calls.map((call) => [Recording.key(call), reviveDates(call.output)]),
  );
  const buckets = new Map<string, { tokens: number; at: number }>();
  const seen = new Set<string>();
  const received: Received = { total: 0, throttled: 0, distinct: 0 };
  const delay = () => new Promise<void>((resolve) => setTimeout(resolve, options.delayMs));

  const admit = (service: ServiceName, region: string): boolean => {
    const rate = options.rates[service];
    const capacity = Math.max(1, rate * (options.burstSeconds ?? 0.1));
    const key = `${service} ${region}`;
    const now = performance.now();
    const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) * rate) / 1000);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens--;
    return true;
  };

  const makeClient = (service: ServiceName, region: string) => ({
    send(command: object): Promise<unknown> {
      const operation = command.constructor.name.replace(/Command$/, '');
      const input = (command as { input: object }).input;
      const request = async () => {
        const key = Recording.key({ service, region, operation, input: input as never });
        received.total++;
        seen.add(key);
        const admitted = admit(service, region);
        await delay();
        if (!admitted) {
          received.throttled++;
          throw Object.assign(new Error('Rate exceeded'), {
            name: 'ThrottlingException',
            $metadata: { httpStatusCode: 400 },
          });
        }
        const recorded = options.recording.find(service, region, operation, input);
        if (recorded?.error) {
          throw Object.assign(new Error(recorded.error.message), {
            name: recorded.error.name,
            $metadata: { httpStatusCode: recorded.error.httpStatusCode ?? 400 },
          });
        }
        if (!recorded) throw Object.assign(new Error(key), { name: 'NotRecorded' });
        return answers.get(key);
      };
      return options.serial ? options.serial(request) : request();
    },
  });

  return { makeClient, received: (): Received => ({ ...received, distinct: seen.size }) };
}
