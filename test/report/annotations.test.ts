import { describe, expect, it } from 'vitest';
import {
  configErrorAnnotation,
  escapeData,
  escapeProperty,
  githubAnnotations,
} from '../../src/report/annotations.js';
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

  it('passes when file= is relative to GITHUB_WORKSPACE, however the file was named', () => {
    const absolute = literalResult({
      location: { file: '/home/runner/work/mail/mail/infra/expectations.yaml', line: 3, column: 5 },
    });
    const relativeToCwd = literalResult({
      location: { file: 'expectations.yaml', line: 4, column: 7 },
    });
    const paths = {
      cwd: '/home/runner/work/mail/mail/infra',
      workspace: '/home/runner/work/mail/mail',
    };

    const lines = githubAnnotations([absolute, relativeToCwd], paths);

    expect(lines.map((line) => line.split(',title=')[0])).toEqual([
      '::error file=infra/expectations.yaml,line=3,col=5',
      '::error file=infra/expectations.yaml,line=4,col=7',
    ]);
  });

  it('passes when a file outside the workspace keeps its full path', () => {
    const outside = literalResult({ location: { file: '/tmp/e.yaml', line: 1, column: 1 } });

    const [line] = githubAnnotations([outside], { cwd: '/srv', workspace: '/srv/repo' });

    expect(line.split(',title=')[0]).toBe('::error file=/tmp/e.yaml,line=1,col=1');
  });

  it('fails a bad expectations file as one ::error at the line at fault', () => {
    const location = { file: '/srv/repo/expectations.yaml', line: 5, column: 5 };

    const line = configErrorAnnotation(location, 'unknown key "dmark" in domains[0]', {
      cwd: '/srv',
      workspace: '/srv/repo',
    });

    expect(line).toBe(
      '::error file=expectations.yaml,line=5,col=5,title=mailspec%3A the expectations file is invalid::unknown key "dmark" in domains[0]',
    );
  });

  it('passes when property values escape the comma and colon that delimit them', () => {
    expect(escapeProperty('a,b:c%\r\n')).toBe('a%2Cb%3Ac%25%0D%0A');
    expect(escapeData('a,b:c%\r\n')).toBe('a,b:c%25%0D%0A');
  });
});
