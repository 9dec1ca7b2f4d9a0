import { closest } from 'fastest-levenshtein';
import { MailspecError } from '../errors.js';
import { ConfigError, type LoadedExpectations } from './load.js';

/**
 * Refuses waivers that name a check id no check has. The loader cannot tell (it does not
 * know the checks), so this runs where both are known. A misspelt id would otherwise only
 * show up as a stale-waiver warning while the fault it was meant to cover fails the run.
 */
export function assertWaiverChecksExist(loaded: LoadedExpectations, checkIds: string[]): void {
  const known = new Set(checkIds);
  const problems = loaded.expectations.waivers.flatMap((waiver, index) => {
    if (known.has(waiver.check)) return [];
    const guess = checkIds.length > 0 ? closest(waiver.check, checkIds) : undefined;
    const hint = guess ? ` (did you mean ${guess}?)` : '';
    return [
      new MailspecError(
        'MAILSPEC_CONFIG_INVALID',
        `waivers[${index}].check: "${waiver.check}" is not the id of any check${hint}`,
        loaded.locate(['waivers', index, 'check']),
      ),
    ];
  });
  if (problems.length > 0) throw new ConfigError(problems);
}
