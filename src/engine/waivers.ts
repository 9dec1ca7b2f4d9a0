import type { LoadedExpectations } from '../config/load.js';
import type { CheckResult } from '../types.js';

/**
 * Applies `waivers:` from the file. A waived check still ran: its real outcome stays in the
 * result, the waiver is attached beside it. An expired waiver is ignored and said so; a
 * waiver that matched nothing becomes a warn of its own, since it is probably stale.
 */
export function applyWaivers(
  results: CheckResult[],
  loaded: LoadedExpectations,
  now: Date,
): CheckResult[] {
  const waivers = loaded.expectations.waivers;
  const used = new Set<number>();
  const today = now.toISOString().slice(0, 10);

  const waived = results.map((result) => {
    const index = waivers.findIndex(
      (w) =>
        w.check === result.check &&
        (w.subject === result.subject || w.subject === result.item) &&
        (!w.region || w.region === result.region),
    );
    if (index < 0) return result;
    used.add(index);

    const waiver = waivers[index];
    const location = loaded.locate(['waivers', index]);
    if (waiver.expires < today) {
      const note = ` (the waiver at line ${location.line} expired on ${waiver.expires} and no longer applies)`;
      return result.outcome === 'pass' ? result : { ...result, message: result.message + note };
    }
    return { ...result, waiver: { reason: waiver.reason, expires: waiver.expires, location } };
  });

  const unmatched: CheckResult[] = waivers.flatMap((waiver, index) =>
    used.has(index) ? [] : [unmatchedWaiver(waiver, index, loaded)],
  );
  return [...waived, ...unmatched];
}

function unmatchedWaiver(
  waiver: LoadedExpectations['expectations']['waivers'][number],
  index: number,
  loaded: LoadedExpectations,
): CheckResult {
  const where = waiver.region ? ` in ${waiver.region}` : '';
  return {
    outcome: 'warn',
    message: `waiver for ${waiver.check} on ${waiver.subject}${where} matches no result; remove it or fix its check id or subject`,
    check: 'config.waiver-matches',
    layer: 'ses-account',
    severity: 'low',
    title: 'every waiver matches a result',
    subject: 'waivers',
    path: ['waivers', `${waiver.check} ${waiver.subject}`],
    remediation:
      'Remove waivers that no longer match anything, or correct their check id, subject or region.',
    reference: 'https://github.com/mailspec/mailspec#waivers',
    location: loaded.locate(['waivers', index]),
  };
}
