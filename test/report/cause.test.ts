import { describe, expect, it } from 'vitest';
import { formatInconclusiveCauses, inconclusiveCause } from '../../src/report/cause.js';
import { literalResult } from './results.js';

const inconclusive = (message: string) => literalResult({ outcome: 'inconclusive', message });
const NO_CREDENTIALS =
  'no AWS credentials were found (set a profile, role or environment credentials)';

describe('inconclusiveCause', () => {
  it('passes when a missing profile is named as the thing to fix', () => {
    const cause = inconclusiveCause(
      'SES account in us-east-1 could not be read: AWS profile "prod" was not found (neither /home/a/.aws/config nor /home/a/.aws/credentials declares it)',
    );

    expect(cause).toEqual({
      key: 'profile prod',
      summary:
        'AWS profile "prod" was not found (neither /home/a/.aws/config nor /home/a/.aws/credentials declares it)',
      makePossible: 'define the AWS profile "prod" or choose an existing one with --profile',
    });
  });

  it('passes when a DNS failure is told apart from an AWS one', () => {
    const cause = inconclusiveCause('MX of example.net could not be read (DNS timeout)');

    expect(cause.summary).toBe(
      'DNS gave no answer (timeout, SERVFAIL, REFUSED or a network error)',
    );
  });
});

describe('formatInconclusiveCauses', () => {
  it('passes when each cause is one line, most frequent first, fails left out', () => {
    const results = [
      inconclusive(
        'Lambda f could not be read: access denied (the audit role needs lambda:GetFunction)',
      ),
      inconclusive(`SES account in us-east-1 could not be read: ${NO_CREDENTIALS}`),
      inconclusive(`SES identity example.com in us-east-1 could not be read: ${NO_CREDENTIALS}`),
      inconclusive('the policy simulator gave no decision'),
      inconclusive(`SES account in eu-west-1 could not be read: ${NO_CREDENTIALS}`),
      literalResult({ outcome: 'fail', message: NO_CREDENTIALS }),
    ];

    const lines = formatInconclusiveCauses(results);

    expect(lines).toEqual([
      `  3 inconclusive: ${NO_CREDENTIALS}`,
      '  1 inconclusive: access denied (the audit role needs lambda:GetFunction)',
      '  1 inconclusive: other causes, each named in its finding',
    ]);
  });

  it('passes when there is no inconclusive result: no line at all', () => {
    expect(formatInconclusiveCauses([literalResult()])).toEqual([]);
  });
});
