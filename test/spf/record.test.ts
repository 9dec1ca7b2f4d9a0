import { describe, expect, it } from 'vitest';
import { isSpfRecord, parseSpf } from '../../src/spf/record.js';

const reason = (record: string) => {
  const parsed = parseSpf(record);
  return parsed.ok ? 'valid' : parsed.reason;
};

describe('parseSpf', () => {
  it('passes when every term of RFC 7208 section 12 is used as the grammar allows', () => {
    const parsed = parseSpf(
      'v=spf1 +a -mx:mail.example.com/24//64 ~ptr ?ip4:192.0.2.0/24 ip6:2001:db8::/32 ' +
        'exists:%{ir}.%{l1r+-}._spf.%{d} include:_spf.example.com a/28 redirect=_spf.%{d2} ' +
        'exp=explain.%{d} x-custom=%{i}  ',
    );

    expect(parsed.ok && parsed.terms.map((t) => [t.kind, t.name])).toEqual([
      ['mechanism', 'a'],
      ['mechanism', 'mx'],
      ['mechanism', 'ptr'],
      ['mechanism', 'ip4'],
      ['mechanism', 'ip6'],
      ['mechanism', 'exists'],
      ['mechanism', 'include'],
      ['mechanism', 'a'],
      ['modifier', 'redirect'],
      ['modifier', 'exp'],
      ['modifier', 'x-custom'],
    ]);
  });

  it('fails when a term is invalid, naming the first one', () => {
    expect([
      reason('v=spf1 ip4:192.0.2.01'),
      reason('v=spf1 ip4:192.0.2.0/33'),
      reason('v=spf1 ip6:2001:db8::/129'),
      reason('v=spf1 a:example.com:8080'),
      reason('v=spf1 include:museum'),
      reason('v=spf1 include:'),
      reason('v=spf1 all:example.com'),
      reason('v=spf1 exists:%{c}.example.com'),
      reason('v=spf1 a:%{x}.example.com'),
      reason('v=spf1 redirect=a.example.com redirect=b.example.com'),
      reason('v=spf1\tall'),
      reason('spf1 -all'),
    ]).toEqual([
      'term "ip4:192.0.2.01" has an invalid IPv4 address',
      'term "ip4:192.0.2.0/33" has an invalid CIDR length',
      'term "ip6:2001:db8::/129" has an invalid CIDR length',
      'term "a:example.com:8080" names an invalid domain',
      'term "include:museum" needs ":" and a valid domain',
      'term "include:" needs ":" and a valid domain',
      'term "all:example.com" takes no argument',
      'term "exists:%{c}.example.com" needs ":" and a valid domain',
      'term "a:%{x}.example.com" names an invalid domain',
      'the redirect modifier appears 2 times',
      'it does not start with "v=spf1" followed by a space',
      'it does not start with "v=spf1" followed by a space',
    ]);
  });

  it('passes only records starting with "v=spf1" alone or before a space', () => {
    expect(
      ['v=spf1', 'v=spf1 -all', 'V=SPF1 -all', 'v=spf10 -all', 'v=spf1-all'].map(isSpfRecord),
    ).toEqual([true, true, true, false, false]);
  });
});
