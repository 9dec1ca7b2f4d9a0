import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/aws/recording.js';
import { deniedPermissions, unrecordableReason, type CallOutcome } from '../../src/record/reach.js';

function outcome(
  service: RecordedCall['service'],
  operation: string,
  kind: CallOutcome['kind'],
  region = 'us-east-1',
): CallOutcome {
  const call: RecordedCall =
    kind === 'ok'
      ? { service, region, operation, input: {}, output: {} }
      : { service, region, operation, input: {}, error: { name: kind, message: kind } };
  return { call, kind };
}

describe('reach', () => {
  it('fails when the live run made no AWS call', () => {
    expect(unrecordableReason([])).toBe(
      'the live run made no AWS call, so there is nothing to record',
    );
  });

  it('fails when any call found no credentials', () => {
    const outcomes = [
      outcome('sesv2', 'GetAccount', 'ok'),
      outcome('iam', 'GetUser', 'no-credentials'),
    ];

    expect(unrecordableReason(outcomes)).toBe(
      'no AWS credentials were found (set a profile, role or environment credentials)',
    );
  });

  it('fails when no call succeeded, counting the failures by kind', () => {
    const outcomes = [
      outcome('sesv2', 'GetAccount', 'access-denied'),
      outcome('iam', 'GetUser', 'error'),
      outcome('lambda', 'GetFunctionConfiguration', 'access-denied'),
    ];

    expect(unrecordableReason(outcomes)).toBe(
      'none of 3 AWS calls succeeded (access-denied: 2, error: 1)',
    );
  });

  it('fails when every SES account and identity read was denied', () => {
    const outcomes = [
      outcome('sesv2', 'GetAccount', 'access-denied'),
      outcome('sesv2', 'GetEmailIdentity', 'access-denied', 'eu-west-1'),
      outcome('iam', 'ListAccessKeys', 'ok'),
    ];

    expect(unrecordableReason(outcomes)).toBe(
      'access was denied to ses:GetAccount and ses:GetEmailIdentity in every region asked',
    );
  });

  it('passes when some calls were denied but SES answered', () => {
    const outcomes = [
      outcome('sesv2', 'GetAccount', 'ok'),
      outcome('sesv2', 'GetEmailIdentity', 'not-found'),
      outcome('iam', 'GetUser', 'access-denied'),
      outcome('iam', 'ListAccessKeys', 'access-denied'),
    ];

    expect(unrecordableReason(outcomes)).toBeUndefined();
    expect(deniedPermissions(outcomes)).toEqual(['iam:GetUser', 'iam:ListAccessKeys']);
  });
});
