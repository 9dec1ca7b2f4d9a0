import { reportedOutcome, type CheckResult } from '../types.js';

/** Why a check could not decide, as the summary groups it and a finding's fix line states it. */
export interface InconclusiveCause {
  /** Results with the same key share a cause; the summary counts them once. */
  key: string;
  /** The cause in the summary's words. */
  summary: string;
  /** What makes the check possible, the first half of an inconclusive finding's fix. */
  makePossible: string;
}

interface CauseRule {
  pattern: RegExp;
  cause(match: RegExpExecArray): InconclusiveCause;
}

/**
 * Read from the message, which names the cause in the words describeFailure (src/aws/gateway.ts)
 * and describeStatus (src/dns/answer.ts, which carries distrustOf of src/dns/canary.ts) give
 * it: those are the only ways an AWS or DNS failure reaches a message. The first rule that
 * matches wins.
 */
const RULES: CauseRule[] = [
  {
    pattern: /AWS profile "([^"]+)" was not found[^;]*?\)/,
    cause: ([text, profile]) => ({
      key: `profile ${profile}`,
      summary: text,
      makePossible: `define the AWS profile "${profile}" or choose an existing one with --profile`,
    }),
  },
  {
    pattern: /AWS profile "([^"]+)" gave no credentials[^;]*?\)/,
    cause: ([text, profile]) => ({
      key: `profile ${profile}`,
      summary: text,
      makePossible: `renew the credentials of the AWS profile "${profile}" (aws sso login, or its keys)`,
    }),
  },
  {
    pattern: /no AWS credentials were found \([^)]*\)/,
    cause: ([text]) => ({
      key: 'no-credentials',
      summary: text,
      makePossible: 'give the audit AWS credentials (a profile, a role or environment credentials)',
    }),
  },
  {
    pattern: /access denied \(the audit role needs ([^)]+)\)/,
    cause: ([, permission]) => ({
      key: `access-denied ${permission}`,
      summary: `access denied (the audit role needs ${permission})`,
      makePossible: `allow ${permission} to the audit role`,
    }),
  },
  {
    pattern: /throttled by AWS after retries/,
    cause: () => ({
      key: 'throttled',
      summary: 'throttled by AWS after retries',
      makePossible: 'run again when AWS is not throttling, or lower aws.rate_limits',
    }),
  },
  {
    pattern: /the recording holds no answer for/,
    cause: () => ({
      key: 'not-recorded',
      summary: 'the recording holds no answer for a call the check makes',
      makePossible: 'record the fixture again (mailspec record) so it holds every call',
    }),
  },
  {
    pattern: /the recording holds no DNS answer for/,
    cause: () => ({
      key: 'dns-not-recorded',
      summary: 'the recording holds no DNS answer for a name the check looks up',
      makePossible:
        "record the fixture again (mailspec record), or add the name's zone to the fixture's dns/ folder",
    }),
  },
  {
    // The live canary's diagnosis (distrustOf) outranks the DNS error it is carried in.
    pattern:
      /the DNS resolver (?:answers|gives) .*?, so its (?:absence )?answers cannot be trusted/,
    cause: ([text]) => ({
      key: `canary ${text}`,
      summary: text,
      makePossible: 'use a DNS resolver that answers the public DNS (dns.servers or --dns-server)',
    }),
  },
  {
    pattern: /DNS timeout|SERVFAIL|REFUSED|DNS error/,
    cause: () => ({
      key: 'dns',
      summary: 'DNS gave no answer (timeout, SERVFAIL, REFUSED or a network error)',
      makePossible: 'make DNS answer (the network, dns.servers or --dns-server)',
    }),
  },
  {
    pattern: /^check \S+ could not run: /,
    cause: () => ({
      key: 'crash',
      summary: 'a check crashed, which is a mailspec bug (please report it)',
      makePossible: 'report the crash; it is a mailspec bug, not a fault of the setup',
    }),
  },
];

const OTHER: InconclusiveCause = {
  key: 'other',
  summary: 'other causes, each named in its finding',
  makePossible: 'make the check possible (credentials, permission or DNS, as the message says)',
};

export function inconclusiveCause(message: string): InconclusiveCause {
  for (const rule of RULES) {
    const match = rule.pattern.exec(message);
    if (match) return rule.cause(match);
  }
  return OTHER;
}

/**
 * One line per cause of the inconclusive results, most frequent first, so a cause shared by
 * every check ("no AWS credentials were found") is read once and not once per check.
 */
export function formatInconclusiveCauses(results: CheckResult[]): string[] {
  const groups = new Map<string, { cause: InconclusiveCause; count: number }>();
  for (const result of results) {
    if (reportedOutcome(result) !== 'inconclusive') continue;
    const cause = inconclusiveCause(result.message);
    const group = groups.get(cause.key) ?? { cause, count: 0 };
    group.count++;
    groups.set(cause.key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ cause, count }) => `  ${count} inconclusive: ${cause.summary}`);
}
