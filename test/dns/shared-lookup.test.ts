import { describe, expect, it } from 'vitest';
import type { DnsAnswer, DnsType } from '../../src/dns/answer.js';
import { sharedLookup } from '../../src/dns/shared-lookup.js';

/** A resolver that answers only when told to, counting questions and the most in flight. */
function heldResolver() {
  const asked: string[] = [];
  const held: (() => void)[] = [];
  let inFlight = 0;
  let most = 0;
  const query = (name: string, type: DnsType) =>
    new Promise<DnsAnswer>((resolve) => {
      asked.push(`${name} ${type}`);
      most = Math.max(most, ++inFlight);
      held.push(() => {
        inFlight--;
        resolve({ name, type, status: 'ok', records: [name] });
      });
    });
  const releaseAll = async () => {
    while (held.length > 0) {
      held.splice(0).forEach((release) => release());
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  return { resolver: { query }, asked, releaseAll, most: () => most };
}

describe('sharedLookup', () => {
  it('passes when one name and type is asked once, whatever its case or trailing dot', async () => {
    const { resolver, asked, releaseAll } = heldResolver();
    const dns = sharedLookup(resolver);

    const answers = Promise.all([
      dns.query('example.com', 'TXT'),
      dns.query('Example.COM.', 'TXT'),
      dns.query('example.com', 'MX'),
    ]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    await releaseAll();
    const [first, second] = await answers;

    expect(asked).toEqual(['example.com TXT', 'example.com MX']);
    expect(second).toBe(first);
    expect(dns.stats()).toEqual({ queriesMade: 2, queriesDistinct: 2 });
  });

  it('passes when no more than the bound is in flight at once', async () => {
    const { resolver, asked, releaseAll, most } = heldResolver();
    const dns = sharedLookup(resolver, 3);

    const answers = Promise.all(
      Array.from({ length: 10 }, (_, i) => dns.query(`n${i}.example.com`, 'A')),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
    const askedBeforeAnyAnswer = asked.length;
    await releaseAll();
    await answers;

    expect(askedBeforeAnyAnswer).toBe(3);
    expect(most()).toBe(3);
    expect(asked).toHaveLength(10);
  });
});
