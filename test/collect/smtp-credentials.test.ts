import { IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { listAccessKeys } from '../../src/collect/smtp-credentials.js';
import { testContext } from '../support/audit-context.js';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const key = (AccessKeyId: string) => ({
  AccessKeyId,
  Status: 'Active' as const,
  CreateDate: new Date('2026-10-31T09:00:00Z'),
});

describe('listAccessKeys', () => {
  it('passes when every page is followed by its Marker and the keys are joined', async () => {
    iam.on(ListAccessKeysCommand, { UserName: 'smtp' }, true).resolves({
      AccessKeyMetadata: [key('AKIAIOSFODNN7EXAMPLE')],
      IsTruncated: true,
      Marker: 'm2',
    });
    iam.on(ListAccessKeysCommand, { UserName: 'smtp', Marker: 'm2' }, true).resolves({
      AccessKeyMetadata: [key('AKIAI44QH8DHBEXAMPLE')],
      IsTruncated: false,
    });

    const keys = await listAccessKeys(testContext(), 'smtp');

    expect(keys).toEqual({
      ok: true,
      value: {
        AccessKeyMetadata: [key('AKIAIOSFODNN7EXAMPLE'), key('AKIAI44QH8DHBEXAMPLE')],
      },
    });
  });

  it('fails when a truncated page gives no Marker, so the list is incomplete', async () => {
    iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [], IsTruncated: true });

    const keys = await listAccessKeys(testContext(), 'smtp');

    expect(keys).toEqual({
      ok: false,
      kind: 'error',
      errorName: 'unusable answer',
      message:
        'ListAccessKeys answer for IAM user smtp has IsTruncated true and no Marker, so the list is incomplete',
      permission: 'iam:ListAccessKeys',
    });
  });

  it('fails when the same Marker is served twice instead of looping', async () => {
    iam
      .on(ListAccessKeysCommand)
      .resolves({ AccessKeyMetadata: [], IsTruncated: true, Marker: 'again' });

    const keys = await listAccessKeys(testContext(), 'smtp');

    expect(keys).toMatchObject({
      ok: false,
      message: 'ListAccessKeys answer for IAM user smtp served Marker again twice',
    });
  });

  it('fails when a key field has the wrong type', async () => {
    iam.on(ListAccessKeysCommand).resolves({
      AccessKeyMetadata: [{ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: true }],
    } as never);

    const keys = await listAccessKeys(testContext(), 'smtp');

    expect(keys).toMatchObject({
      ok: false,
      message:
        'ListAccessKeys answer for IAM user smtp has AccessKeyMetadata[0].Status true (a boolean), not a string',
    });
  });
});
