import { endpointRegion } from '../aws/commands.js';
import type { AwsFailureKind, AwsGateway } from '../aws/gateway.js';
import { Recording, type RecordedCall } from '../aws/recording.js';
import type { DnsAnswer, MxRecord } from '../dns/answer.js';
import type { DnsLookup } from '../dns/resolver.js';
import type { ZoneRecord } from '../dns/zone.js';

/**
 * Decorators that let a live run go on unchanged while keeping every AWS answer and DNS
 * answer it got, in the shapes a fixture replays: recorded calls and zone records.
 */
export interface Capture {
  aws: AwsGateway;
  dns: DnsLookup;
  calls(): RecordedCall[];
  /** How each distinct call went, in the gateway's terms: `ok` or why it failed. */
  outcomes(): { call: RecordedCall; kind: 'ok' | AwsFailureKind }[];
  answers(): DnsAnswer[];
}

export function capture(aws: AwsGateway, dns: DnsLookup): Capture {
  const calls = new Map<string, RecordedCall>();
  const kinds = new Map<string, 'ok' | AwsFailureKind>();
  const answers = new Map<string, DnsAnswer>();

  const recordingAws: AwsGateway = {
    async call(service, region, operation, input = {}) {
      const result = await aws.call(service, region, operation, input);
      const call: RecordedCall = {
        service,
        region: endpointRegion(service, region),
        operation,
        input: input as Record<string, unknown>,
        ...(result.ok
          ? { output: withoutMetadata(result.value) }
          : { error: { name: result.errorName, message: result.message } }),
      };
      calls.set(Recording.key(call), call);
      kinds.set(Recording.key(call), result.ok ? 'ok' : result.kind);
      return result as never;
    },
    stats: () => aws.stats(),
  };

  const recordingDns: DnsLookup = {
    async query(name, type) {
      const answer = await dns.query(name, type);
      answers.set(`${answer.name} ${type}`, answer);
      return answer;
    },
  };

  return {
    aws: recordingAws,
    dns: recordingDns,
    calls: () => [...calls.values()],
    outcomes: () =>
      [...calls.entries()].map(([key, call]) => ({ call, kind: kinds.get(key) ?? 'ok' })),
    answers: () => [...answers.values()],
  };
}

/** The SDK's request metadata (request id, attempts) is no part of the answer. */
function withoutMetadata(value: unknown): Record<string, unknown> {
  const { $metadata: _metadata, ...rest } = (value ?? {}) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/**
 * Zone records that make the loopback server give the same answers: records for an answer,
 * a bare `nodata` entry for NODATA (the name exists without that type), an NXDOMAIN entry
 * (which keeps the name's zone served in the replay, where names outside every recorded zone
 * are refused) and an rcode entry for SERVFAIL, REFUSED and timeout. Another resolver error
 * is kept as SERVFAIL, the nearest thing a server can answer.
 */
export function zoneRecords(answers: DnsAnswer[]): ZoneRecord[] {
  return answers.flatMap((answer): ZoneRecord[] => {
    const { name, type } = answer;
    switch (answer.status) {
      case 'ok':
        return dataRecords(answer);
      case 'nxdomain':
        return [{ name, type, rcode: 'NXDOMAIN' }];
      case 'nodata':
        return [{ name, type, nodata: true }];
      case 'timeout':
        return [{ name, type, rcode: 'TIMEOUT' }];
      case 'refused':
        return [{ name, type, rcode: 'REFUSED' }];
      default:
        return [{ name, type, rcode: 'SERVFAIL' }];
    }
  });
}

function dataRecords(answer: DnsAnswer): ZoneRecord[] {
  const { name, type } = answer;
  if (type === 'MX') {
    return (answer.records as MxRecord[]).map((mx) => ({ name, type, data: { ...mx } }));
  }
  if (type === 'TXT') {
    return (answer.records as string[][]).map((chunks) => ({ name, type, data: [...chunks] }));
  }
  return (answer.records as string[]).map((data) => ({ name, type, data }));
}
