import { createAwsGateway, type AwsGateway } from '../../src/aws/gateway.js';
import { parseExpectations } from '../../src/config/load.js';
import type { DnsAnswer, DnsType } from '../../src/dns/answer.js';
import type { DnsLookup } from '../../src/dns/resolver.js';
import { createMemo, silentLogger, type AuditContext } from '../../src/engine/context.js';

export const MINIMAL_EXPECTATIONS = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
`;

/** A DnsLookup answering from a literal table keyed `name TYPE`; anything else is NXDOMAIN. */
export function fakeDns(answers: Record<string, Partial<DnsAnswer>> = {}): DnsLookup {
  return {
    async query(name: string, type: DnsType): Promise<DnsAnswer> {
      const found = answers[`${name} ${type}`];
      return { name, type, status: 'nxdomain', records: [], ...found };
    },
  };
}

/** A context for collectors: real gateway (mock the SDK clients), fake DNS, fixed clock. */
export function testContext(
  options: { dns?: DnsLookup; aws?: AwsGateway; yaml?: string } = {},
): AuditContext {
  return {
    loaded: parseExpectations(options.yaml ?? MINIMAL_EXPECTATIONS, 'expectations.yaml'),
    dns: options.dns ?? fakeDns(),
    aws: options.aws ?? createAwsGateway({ sleep: async () => {} }),
    now: () => new Date('2026-11-30T09:00:00Z'),
    logger: silentLogger,
    replay: false,
    memo: createMemo(),
  };
}
