import pLimit from 'p-limit';
import type { DnsAnswer } from './answer.js';
import type { DnsLookup } from './resolver.js';

/** A DnsLookup that also says how many questions it sent and how many were distinct. */
export interface SharedLookup extends DnsLookup {
  stats(): { queriesMade: number; queriesDistinct: number };
}

/**
 * Each (name, type) is asked once per run, whichever check or collector asks (SPF
 * evaluation, the zone comparison and the DKIM check read some of the same names), and at
 * most `concurrency` questions are in flight: a resolver answers a bounded number of
 * outstanding queries and drops the rest, which would read as timeouts.
 */
export function sharedLookup(dns: DnsLookup, concurrency = 64): SharedLookup {
  const answers = new Map<string, Promise<DnsAnswer>>();
  const inFlight = pLimit(concurrency);
  let queriesMade = 0;

  return {
    query(name, type) {
      const key = `${name.toLowerCase().replace(/\.$/, '')} ${type}`;
      let pending = answers.get(key);
      if (!pending) {
        pending = inFlight(() => {
          queriesMade++;
          return dns.query(name, type);
        });
        answers.set(key, pending);
      }
      return pending;
    },
    stats: () => ({ queriesMade, queriesDistinct: answers.size }),
  };
}
