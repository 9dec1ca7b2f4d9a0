import { describe, expect, it } from 'vitest';
import { exitCodeFor, formatSummary } from '../../src/report/summary.js';
import { literalResult } from './results.js';

const pass = literalResult({ outcome: 'pass' });
const fail = literalResult({ outcome: 'fail' });
const warn = literalResult({ outcome: 'warn', layer: 'config' });
const inconclusive = literalResult({ outcome: 'inconclusive', layer: 'iam' });
const waived = literalResult({ waiver: { reason: 'r', expires: '2027-01-01' } });

describe('summary', () => {
  it('passes with exit code 0 when everything passed, warned or was waived', () => {
    expect(exitCodeFor([pass, warn, waived])).toBe(0);
  });

  it('fails with exit code 1 when an expectation failed, even beside an inconclusive', () => {
    expect(exitCodeFor([pass, inconclusive, fail])).toBe(1);
  });

  it('fails with exit code 2 when something could not be checked and nothing failed', () => {
    expect(exitCodeFor([pass, inconclusive])).toBe(2);
  });

  it('fails with exit code 1 on a warning under --fail-on warn', () => {
    expect(exitCodeFor([pass, warn], 'warn')).toBe(1);
  });

  it('fails with exit code 2, not 1, when --fail-on warn meets a check that could not decide', () => {
    expect(exitCodeFor([pass, warn, inconclusive], 'warn')).toBe(2);
    expect(exitCodeFor([fail, warn, inconclusive], 'warn')).toBe(1);
  });

  it('passes when the summary has one line per layer with results, then the totals', () => {
    const text = formatSummary([pass, fail, warn, inconclusive, waived], 'live AWS and DNS');

    expect(text).toBe(
      [
        '',
        'mailspec summary (source: live AWS and DNS)',
        '  dns               1 pass, 1 fail, 1 waived',
        '  iam               1 inconclusive',
        '  config            1 warn',
        '  total             1 pass, 1 fail, 1 warn, 1 inconclusive, 1 waived',
        '  1 inconclusive: other causes, each named in its finding',
      ].join('\n'),
    );
  });

  it('passes when a shard says which one it is and a shared cause is counted once', () => {
    const noCredentials = literalResult({
      outcome: 'inconclusive',
      message:
        'SES account in us-east-1 could not be read: no AWS credentials were found (set a profile, role or environment credentials)',
    });

    const text = formatSummary([pass, noCredentials, noCredentials], 'live AWS and DNS', {
      shard: '2/3',
    });

    expect(text).toBe(
      [
        '',
        'mailspec summary (source: live AWS and DNS; shard 2/3 of the subjects)',
        '  dns               1 pass, 2 inconclusive',
        '  total             1 pass, 2 inconclusive',
        '  2 inconclusive: no AWS credentials were found (set a profile, role or environment credentials)',
      ].join('\n'),
    );
  });
});
