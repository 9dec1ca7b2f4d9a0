import { closest, distance } from 'fastest-levenshtein';
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
      : [unmatchedWaiver(waiver, index, loaded, nearestMatch(waiver, results))],
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
 * path's name is kept as written. The arrow before a recipient domain may be typed `->`,
 * since → is not on a keyboard.
 */
function subjectKey(subject: string): string {
  const arrow = TO_RECIPIENT.exec(subject);
  const parts = arrow && DOMAIN_NAME.test(arrow[2]) ? [arrow[1], arrow[2]] : [subject];
  return parts.map((part) => (DOMAIN_NAME.test(part) ? part.toLowerCase() : part)).join(' → ');
}

const TO_RECIPIENT = /^(.+?)\s*(?:→|->)\s*(\S+)$/;
const DOMAIN_NAME = /^([a-z0-9_-]+\.)+[a-z]{2,63}$/i;

/**
 * What the run has nearest to a waiver that matched nothing, as ` (did you mean …?)`: a
 * subject of the same check when that check ran; else the nearest subject of any check, with
 * the check whose id is nearest among those that have it. Nothing when no subject is a typo
 * away, since a far guess would mislead more than it helps.
 */
function nearestMatch(waiver: Waiver, results: CheckResult[]): string {
  const subject = subjectKey(waiver.subject);
  const ofCheck = results.filter((result) => result.check === waiver.check);
  if (ofCheck.length > 0) {
    const subjects = [...new Set(ofCheck.map((result) => result.subject))];
    if (subjects.includes(subject)) return '';
    const guess = near(subject, subjects);
    return guess ? ` (did you mean "${guess}"?)` : '';
  }

  const guess = near(subject, [...new Set(results.map((result) => result.subject))]);
  if (!guess) return '';
  const checks = results.filter((result) => result.subject === guess).map((r) => r.check);
  return ` (did you mean ${closest(waiver.check, checks)} on "${guess}"?)`;
}

/**
 * The closest candidate within two edits, or a quarter of the text's length for longer ones,
 * so a sibling domain (example.org beside example.com) is not taken for a typo.
 */
function near(text: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const guess = closest(text, candidates);
  return distance(text, guess) <= Math.max(2, text.length / 4) ? guess : undefined;
}

function unmatchedWaiver(
  waiver: Waiver,
  index: number,
  loaded: LoadedExpectations,
  hint: string,
): CheckResult {
  const scope = [
    waiver.subject,
    ...(waiver.region ? [`in ${waiver.region}`] : []),
    ...(waiver.item ? [`item ${waiver.item}`] : []),
  ].join(' ');
  const title = 'every waiver matches a result';
  return {
    outcome: 'warn',
    message: `waiver for ${waiver.check} on ${scope} matches no result${hint}; remove it or correct its check id, subject, region or item`,
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
