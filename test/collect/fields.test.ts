import { describe, expect, it } from 'vitest';
import {
  bool,
  count,
  describeValue,
  field,
  fields,
  objects,
  pastTime,
  text,
  texts,
} from '../../src/collect/fields.js';

const now = new Date('2026-11-30T09:00:00Z');

describe('field', () => {
  it('passes when the value has the wanted type', () => {
    const read = field({ SendQuota: { Max24HourSend: 50000 } }, 'SendQuota.Max24HourSend', count);

    expect(read).toEqual({ ok: true, value: 50000 });
  });

  it('passes with undefined when the path is absent, for the check to judge', () => {
    const read = field({}, 'SendQuota.Max24HourSend', count);

    expect(read).toEqual({ ok: true, value: undefined });
  });

  it('fails when a boolean is recorded as a string', () => {
    const read = field({ ProductionAccessEnabled: 'false' }, 'ProductionAccessEnabled', bool);

    expect(read).toEqual({
      ok: false,
      problem: 'ProductionAccessEnabled "false" (a string), not true or false',
    });
  });

  it('fails when a count is negative', () => {
    const read = field({ SentLast24Hours: -999999 }, 'SentLast24Hours', count);

    expect(read).toEqual({
      ok: false,
      problem: 'SentLast24Hours -999999, not a number of 0 or more',
    });
  });

  it('fails when a step on the path is not an object', () => {
    const read = field({ DkimAttributes: 'x' }, 'DkimAttributes.Tokens', texts);

    expect(read).toEqual({ ok: false, problem: 'DkimAttributes "x" (a string), not an object' });
  });

  it('fails when a list is a string or holds something else', () => {
    const summaries = field({ S: 'oops' }, 'S', objects);
    const tokens = field({ T: ['a', 5] }, 'T', texts);

    expect(summaries).toEqual({ ok: false, problem: 'S "oops" (a string), not a list of objects' });
    expect(tokens).toEqual({
      ok: false,
      problem: 'T a list of 2 ("a" (a string), 5), not a list of strings',
    });
  });
});

describe('pastTime', () => {
  it('passes when a recorded ISO time or a Date is no later than the clock', () => {
    const recorded = field({ D: '2026-10-05T08:31:12.000Z' }, 'D', pastTime(now));
    const live = field({ D: new Date('2026-10-05T08:31:12Z') }, 'D', pastTime(now));

    expect(recorded).toEqual({ ok: true, value: new Date('2026-10-05T08:31:12Z') });
    expect(live).toEqual({ ok: true, value: new Date('2026-10-05T08:31:12Z') });
  });

  it('fails when the time is after the clock or not a time at all', () => {
    const future = field({ CreateDate: '2099-01-01' }, 'CreateDate', pastTime(now));
    const garbage = field({ CreateDate: 'not a date' }, 'CreateDate', pastTime(now));

    expect(future).toEqual({
      ok: false,
      problem:
        "CreateDate 2099-01-01, not a time no later than the audit's clock (2026-11-30T09:00:00.000Z)",
    });
    expect(garbage).toEqual({
      ok: false,
      problem:
        'CreateDate "not a date" (a string), not a time no later than the audit\'s clock (2026-11-30T09:00:00.000Z)',
    });
  });
});

describe('fields', () => {
  it('passes when every field fits, naming them as the check does', () => {
    const read = fields(
      { A: true, B: { C: 'SUCCESS' } },
      { on: ['A', bool], status: ['B.C', text] },
    );

    expect(read).toEqual({ ok: true, value: { on: true, status: 'SUCCESS' } });
  });

  it('fails with the first field that does not fit', () => {
    const read = fields({ A: true, B: { C: 7 } }, { on: ['A', bool], status: ['B.C', text] });

    expect(read).toEqual({ ok: false, problem: 'B.C 7, not a string' });
  });
});

describe('describeValue', () => {
  it('passes when long strings are cut, so no long value reaches a message', () => {
    const shown = describeValue('x'.repeat(60));

    expect(shown).toBe(`"${'x'.repeat(40)}…" (a string)`);
  });

  it('passes when null, objects and empty lists are named plainly', () => {
    expect([null, {}, [], true].map(describeValue)).toEqual([
      'null',
      'an object',
      'an empty list',
      'true (a boolean)',
    ]);
  });
});
