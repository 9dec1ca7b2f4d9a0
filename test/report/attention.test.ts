import { describe, expect, it } from 'vitest';
import { formatUnshownFindings, formatVerdict } from '../../src/report/attention.js';
import { literalResult } from './results.js';

const warn = literalResult({
  outcome: 'warn',
  check: 'smtp.key-age',
  layer: 'smtp-credentials',
  message: 'access key AKIAIOSFODNN7EXAMPLE of gmail-alias is 400 days old',
  expected: 'younger than 365 days',
  found: undefined,
  remediation: 'Rotate the access key.',
});

describe('formatUnshownFindings', () => {
  it('fails when a warn, a green tick in vitest, is not printed as a finding', () => {
    const text = formatUnshownFindings([literalResult(), warn, literalResult({ outcome: 'pass' })]);

    expect(text.split('\n')).toEqual([
      '',
      'mailspec 1 warning, shown by vitest as passed tests',
      '',
      '[smtp-credentials] smtp.key-age: access key AKIAIOSFODNN7EXAMPLE of gmail-alias is 400 days old',
      '  expected: younger than 365 days',
      '  found:    the state named above',
      '  fix:      Rotate the access key.',
      '  declared: expectations.yaml:18:26',
    ]);
  });

  it('passes when nothing warns: nothing is printed, fails being vitest’s to show', () => {
    expect(formatUnshownFindings([literalResult(), literalResult({ outcome: 'pass' })])).toBe('');
  });
});

describe('formatVerdict', () => {
  it('fails with the count of warnings under --fail-on warn', () => {
    expect(formatVerdict([warn, warn, literalResult({ outcome: 'pass' })], 'warn')).toBe(
      '\nmailspec: the run failed because of 2 warnings (--fail-on warn)',
    );
  });

  it('fails with the fails and the warnings when both decide the run', () => {
    expect(formatVerdict([literalResult(), warn], 'warn')).toBe(
      '\nmailspec: the run failed because of 1 fail and 1 warning (--fail-on warn)',
    );
  });

  it('passes when warnings do not decide the run: no closing line', () => {
    expect(formatVerdict([warn], 'fail')).toBe('');
    expect(formatVerdict([literalResult({ outcome: 'pass' })], 'warn')).toBe('');
  });

  it('passes with no closing line when a check could not decide: exit code 2 says so', () => {
    expect(formatVerdict([warn, literalResult({ outcome: 'inconclusive' })], 'warn')).toBe('');
  });
});
