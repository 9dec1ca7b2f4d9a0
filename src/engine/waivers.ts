import type { Waiver } from '../config/schema.js';
import type { LoadedExpectations } from '../config/load.js';
import { isWaivable, type CheckResult } from '../types.js';

export const WAIVER_CHECK_ID = 'config.waiver-matches';

export interface WaiverOptions {
  /**
   * Whether this run owns the waiver's subject. A shard of a run judges only the waivers of
   * its own subjects, so a waiver matched in another shard is never reported as stale here.
   */
  ownsSubject?: (subject: string) => boolean;
}

/**
 * Applies `waivers:` from the file. A waived check still ran: its real outcome stays in the
 * result and the waiver is attached beside it. A waiver is valid through its expiry day; after
 * that it no longer applies and every result it matched says so, so the check is back on with
 * a reason visible in every report. A waiver covers fail and warn only: an inconclusive result
 * stays inconclusive and says the waiver does not cover it, so a run that could not check
 * never exits 0. A waiver that matches nothing becomes a warn of its own, since it is
 * probably stale or misspelt.
 */
export function applyWaivers(
  results: CheckResult[],
  loaded: LoadedExpectations,
  now: Date,
  options: WaiverOptions = {},
): CheckResult[] {
  const owns = options.ownsSubject ?? (() => true);
  const waivers = loaded.expectations.waivers;
  const used = new Set<number>();
  const today = now.toISOString().slice(0, 10);

  const waived = results.map((result) => {
    const index = waivers.findIndex((waiver) => matches(waiver, result));
    if (index < 0) return result;
    used.add(index);

    const waiver = waivers[index];
    const location = loaded.locate(['waivers', index]);
    if (waiver.expires < today) {
      const note = `; the waiver at line ${location.line} expired on ${waiver.expires} and no longer applies`;
      return { ...result, message: result.message + note };
    }
    if (result.outcome === 'inconclusive') {
      const note = `; the waiver at line ${location.line} covers fail and warn only, not a check that could not decide`;
      return { ...result, message: result.message + note };
    }
    return { ...result, waiver: { reason: waiver.reason, expires: waiver.expires, location } };
  });

  const unmatched = waivers.flatMap((waiver, index) =>
    used.has(index) || !owns(subjectKey(waiver.subject))
      ? []
      : [unmatchedWaiver(waiver, index, loaded)],
  );
  return [...waived, ...unmatched];
}

/** Check and subject always; region and item only when the waiver names them. */
function matches(waiver: Waiver, result: CheckResult): boolean {
  return (
    waiver.check === result.check &&
    subjectKey(waiver.subject) === result.subject &&
    (!waiver.region || waiver.region === result.region) &&
    (!waiver.item || waiver.item === result.item)
  );
}

/**
 * The subject as results name it. Domain names are case-insensitive (RFC 4343) and results
 * carry them lower-cased, so `EXAMPLE.COM` and `gmail-alias → Example.NET` match; a sending
 * path's name is kept as written.
 */
function subjectKey(subject: string): string {
  return subject
    .split(' → ')
    .map((part) => (DOMAIN_NAME.test(part) ? part.toLowerCase() : part))
    .join(' → ');
}

const DOMAIN_NAME = /^([a-z0-9_-]+\.)+[a-z]{2,63}$/i;

function unmatchedWaiver(waiver: Waiver, index: number, loaded: LoadedExpectations): CheckResult {
  const scope = [
    waiver.subject,
    ...(waiver.region ? [`in ${waiver.region}`] : []),
    ...(waiver.item ? [`item ${waiver.item}`] : []),
  ].join(' ');
  const title = 'every waiver matches a result';
  return {
    outcome: 'warn',
    message: `waiver for ${waiver.check} on ${scope} matches no result; remove it or correct its check id, subject, region or item`,
    expected: `a result of ${waiver.check} on ${scope}`,
    found: 'no such result in this run',
    check: WAIVER_CHECK_ID,
    layer: 'config',
    severity: 'low',
    title: `${title} › ${waiver.check} ${scope}`,
    subject: 'waivers',
    item: `${waiver.check} ${scope}`,
    path: ['waivers', 'config', `${title} › ${waiver.check} ${scope}`],
    remediation:
      'Remove waivers that no longer match anything, or correct their check id, subject, region or item.',
    reference: 'https://github.com/mailspec/mailspec#waivers',
    location: loaded.locate(['waivers', index]),
  };
}
