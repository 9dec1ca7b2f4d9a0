import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubAnnotations } from '../../src/report/annotations.js';
import { literalResult } from './results.js';

describe('annotations', () => {
  it('fails as ::error at the declaring line, with the finding escaped on one line', () => {
    const [line] = githubAnnotations([literalResult({ found: '100% of 2, a: b' })]);

    expect(line).toBe(
      '::error file=expectations.yaml,line=18,col=26,title=mailspec fail%3A mail-from.mx-matches-region (dns)::' +
        '[dns] mail-from.mx-matches-region: MAIL FROM domain mail.example.com has MX feedback-smtp.us-east-1.amazonses.com' +
        '%0A  expected: MX feedback-smtp.us-west-2.amazonses.com' +
        '%0A  found:    100%25 of 2, a: b' +
        '%0A  fix:      Publish MX 10 feedback-smtp.REGION.amazonses.com for the MAIL FROM domain.' +
        '%0A  declared: expectations.yaml:18:26',
    );
  });

  it('warns as ::warning for warn and inconclusive, and says nothing for pass and waived', () => {
    const results = [
      literalResult({ outcome: 'warn' }),
      literalResult({ outcome: 'inconclusive' }),
      literalResult({ outcome: 'pass' }),
      literalResult({ waiver: { reason: 'r', expires: '2027-01-01' } }),
    ];

    const lines = githubAnnotations(results);

    expect(lines.map((line) => line.split(' ')[0])).toEqual(['::warning', '::warning']);
    expect(lines[1]).toContain('title=mailspec inconclusive%3A');
  });

  it('passes when property values escape the comma and colon that delimit them', () => {
    expect(escapeProperty('a,b:c%\r\n')).toBe('a%2Cb%3Ac%25%0D%0A');
    expect(escapeData('a,b:c%\r\n')).toBe('a,b:c%25%0D%0A');
  });
});
