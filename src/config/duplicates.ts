import { MailspecError, type SourceLocation } from '../errors.js';

type Locate = (path: readonly (string | number)[]) => SourceLocation;

/**
 * Lists whose entries are named by one key, and what the name means. A second entry with a
 * name already used would run every check twice, or let one declaration silently hide the
 * other, so it is an error at the second one.
 */
const NAMED_LISTS = [
  { list: 'domains', key: 'domain', what: 'domain', caseless: true },
  { list: 'sending_paths', key: 'name', what: 'sending path', caseless: false },
  { list: 'recipients', key: 'domain', what: 'recipient domain', caseless: true },
] as const;

/** One error per entry that repeats a name declared earlier in the same list. */
export function duplicateProblems(data: unknown, locate: Locate): MailspecError[] {
  const problems: MailspecError[] = [];
  for (const { list, key, what, caseless } of NAMED_LISTS) {
    const entries = (data as Record<string, unknown> | null)?.[list];
    if (!Array.isArray(entries)) continue;

    const firstAt = new Map<string, number>();
    entries.forEach((entry, index) => {
      const value = (entry as Record<string, unknown> | null)?.[key];
      if (typeof value !== 'string') return;
      // Domain names are case-insensitive (RFC 4343): Example.com repeats example.com.
      const name = caseless ? value.toLowerCase() : value;
      const first = firstAt.get(name);
      if (first === undefined) {
        firstAt.set(name, index);
        return;
      }
      const { line } = locate([list, first, key]);
      problems.push(
        new MailspecError(
          'MAILSPEC_CONFIG_INVALID',
          `${list}[${index}].${key}: ${what} "${value}" is already declared at line ${line}; declare each ${what} once`,
          locate([list, index, key]),
        ),
      );
    });
  }
  return problems;
}
