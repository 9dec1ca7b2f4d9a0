import {
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
  type AccessKeyLastUsed,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check, { type KeyAgeFacts } from '../../../checks/smtp-credentials/smtp.key-age.js';
import { smtpContext } from '../../support/smtp-path.js';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const now = () => new Date('2026-11-30T09:00:00Z');
const { subject } = smtpContext();
const keyId = 'AKIAIOSFODNN7EXAMPLE';

const keys = (CreateDate: string): KeyAgeFacts['keys'] => ({
  ok: true,
  value: {
    AccessKeyMetadata: [{ AccessKeyId: keyId, Status: 'Active', CreateDate: new Date(CreateDate) }],
  },
});
const lastUsed = (use: Partial<AccessKeyLastUsed>): KeyAgeFacts['lastUsed'] => ({
  ok: true,
  value: { UserName: 'ses-smtp-gmail-alias', AccessKeyLastUsed: use as AccessKeyLastUsed },
});
const bySesInUsEast1 = lastUsed({
  LastUsedDate: new Date('2026-11-29T17:05:00Z'),
  ServiceName: 'ses',
  Region: 'us-east-1',
});
const denied = (permission: string) =>
  ({
    ok: false,
    kind: 'access-denied',
    errorName: 'AccessDenied',
    message: 'not authorized',
    permission,
  }) as const;

describe('smtp.key-age', () => {
  it('passes when the key is younger than the default 90 days and last used by ses in the path region', () => {
    const facts = { keyId, keys: keys('2026-10-31T09:00:00Z'), lastUsed: bySesInUsEast1 };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 30 days old, within 90 days; last used 2026-11-29 by ses in us-east-1',
      found: 'CreateDate 2026-10-31, last used 2026-11-29 by ses in us-east-1',
    });
  });

  it('passes when the key is exactly 90 days old', () => {
    const facts = { keyId, keys: keys('2026-09-01T09:00:00Z'), lastUsed: bySesInUsEast1 };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 90 days old, within 90 days; last used 2026-11-29 by ses in us-east-1',
      found: 'CreateDate 2026-09-01, last used 2026-11-29 by ses in us-east-1',
    });
  });

  it('fails when the key is one day over the default 90 days', () => {
    const facts = { keyId, keys: keys('2026-08-31T09:00:00Z'), lastUsed: bySesInUsEast1 };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 91 days old, over the limit of 90 days; last used 2026-11-29 by ses in us-east-1',
      expected: 'at most 90 days old',
      found: 'CreateDate 2026-08-31, last used 2026-11-29 by ses in us-east-1',
    });
  });

  it('fails when the key is over a declared max_key_age_days', () => {
    const strict = smtpContext(undefined, { extra: 'max_key_age_days: 30' }).subject;
    const facts = { keyId, keys: keys('2026-10-15T09:00:00Z'), lastUsed: bySesInUsEast1 };

    const outcome = check.evaluate(strict, facts, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 46 days old, over the limit of 30 days; last used 2026-11-29 by ses in us-east-1',
      expected: 'at most 30 days old',
      found: 'CreateDate 2026-10-15, last used 2026-11-29 by ses in us-east-1',
    });
  });

  it('warns when the key was last used by ses in another region', () => {
    const elsewhere = lastUsed({
      LastUsedDate: new Date('2026-11-28T08:00:00Z'),
      ServiceName: 'ses',
      Region: 'eu-west-1',
    });
    const facts = { keyId, keys: keys('2026-10-31T09:00:00Z'), lastUsed: elsewhere };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 30 days old, within 90 days, but it was last used 2026-11-28 by ses in eu-west-1, not by ses in us-east-1',
      expected: 'last used by ses in us-east-1',
      found: 'CreateDate 2026-10-31, last used 2026-11-28 by ses in eu-west-1',
    });
  });

  it('warns when the key was last used by another service', () => {
    const s3 = lastUsed({
      LastUsedDate: new Date('2026-11-27T08:00:00Z'),
      ServiceName: 's3',
      Region: 'us-east-1',
    });
    const facts = { keyId, keys: keys('2026-10-31T09:00:00Z'), lastUsed: s3 };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 30 days old, within 90 days, but it was last used 2026-11-27 by s3 in us-east-1, not by ses in us-east-1',
      expected: 'last used by ses in us-east-1',
      found: 'CreateDate 2026-10-31, last used 2026-11-27 by s3 in us-east-1',
    });
  });

  it('passes when the key was never used, and says so', () => {
    const never = lastUsed({ ServiceName: 'N/A', Region: 'N/A' });
    const facts = { keyId, keys: keys('2026-11-20T09:00:00Z'), lastUsed: never };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 10 days old, within 90 days; never used',
      found: 'CreateDate 2026-11-20, never used',
    });
  });

  it('passes on age alone when the last use cannot be read, and says so', () => {
    const unknown = denied('iam:GetAccessKeyLastUsed');
    const facts = { keyId, keys: keys('2026-11-20T09:00:00Z'), lastUsed: unknown };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 10 days old, within 90 days; last use unknown (access denied (the audit role needs iam:GetAccessKeyLastUsed))',
      found:
        'CreateDate 2026-11-20, last use unknown (access denied (the audit role needs iam:GetAccessKeyLastUsed))',
    });
  });

  it('is inconclusive when the keys cannot be listed', () => {
    const facts = { keyId, keys: denied('iam:ListAccessKeys') };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'Age of access key AKIAIOSFODNN7EXAMPLE of gmail-alias could not be read: access denied (the audit role needs iam:ListAccessKeys)',
    });
  });

  it('leaves a key missing from the user, or no username, to smtp.key-active', () => {
    const rotated = {
      keyId,
      keys: { ok: true, value: { AccessKeyMetadata: [] } } as KeyAgeFacts['keys'],
    };

    expect(check.evaluate(subject, rotated, { now })).toEqual([]);
    expect(check.evaluate(subject, {}, { now })).toEqual([]);
  });

  it('collects the key list and the last use of the username key', async () => {
    const created = new Date('2026-10-31T09:00:00Z');
    const used = new Date('2026-11-29T17:05:00Z');
    iam.on(ListAccessKeysCommand, { UserName: 'ses-smtp-gmail-alias' }).resolves({
      AccessKeyMetadata: [{ AccessKeyId: keyId, Status: 'Active', CreateDate: created }],
    });
    iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: keyId }).resolves({
      UserName: 'ses-smtp-gmail-alias',
      AccessKeyLastUsed: { LastUsedDate: used, ServiceName: 'ses', Region: 'us-east-1' },
    });
    const { ctx } = smtpContext();

    const facts = await check.collect(subject, ctx);

    expect(check.evaluate(subject, facts, ctx)).toEqual({
      outcome: 'pass',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 30 days old, within 90 days; last used 2026-11-29 by ses in us-east-1',
      found: 'CreateDate 2026-10-31, last used 2026-11-29 by ses in us-east-1',
    });
  });

  it('is inconclusive when the key was created after the audit clock, an impossible age', () => {
    const facts = { keyId, keys: keys('2099-01-01T00:00:00Z'), lastUsed: bySesInUsEast1 };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        "ListAccessKeys answer for access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) has CreateDate 2099-01-01T00:00:00.000Z, not a time no later than the audit's clock (2026-11-30T09:00:00.000Z)",
    });
  });

  it('is inconclusive when a recorded CreateDate is not a time, instead of crashing', () => {
    const recorded: KeyAgeFacts['keys'] = {
      ok: true,
      value: {
        AccessKeyMetadata: [
          { AccessKeyId: keyId, Status: 'Active', CreateDate: 'not a date' as never },
        ],
      },
    };

    const outcome = check.evaluate(subject, { keyId, keys: recorded }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'ListAccessKeys answer for access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) has CreateDate "not a date" (a string), not a time no later than the audit\'s clock (2026-11-30T09:00:00.000Z)',
    });
  });

  it('is inconclusive when the last use is recorded with a service that is not a string', () => {
    const facts = {
      keyId,
      keys: keys('2026-10-31T09:00:00Z'),
      lastUsed: lastUsed({
        LastUsedDate: new Date('2026-11-29T17:05:00Z'),
        ServiceName: 5 as never,
      }),
    };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetAccessKeyLastUsed answer for access key AKIAIOSFODNN7EXAMPLE of gmail-alias has AccessKeyLastUsed.ServiceName 5, not a string',
    });
  });

  it('passes when the key is on the second page of a truncated list, following Marker', async () => {
    const created = new Date('2026-10-31T09:00:00Z');
    iam.on(ListAccessKeysCommand, { UserName: 'ses-smtp-gmail-alias' }, true).resolves({
      AccessKeyMetadata: [],
      IsTruncated: true,
      Marker: 'page-2',
    });
    iam
      .on(ListAccessKeysCommand, { UserName: 'ses-smtp-gmail-alias', Marker: 'page-2' }, true)
      .resolves({
        AccessKeyMetadata: [{ AccessKeyId: keyId, Status: 'Active', CreateDate: created }],
        IsTruncated: false,
      });
    iam.on(GetAccessKeyLastUsedCommand).resolves({ AccessKeyLastUsed: undefined });
    const { ctx } = smtpContext();

    const facts = await check.collect(subject, ctx);

    expect(check.evaluate(subject, facts, ctx)).toEqual({
      outcome: 'pass',
      message:
        'Access key AKIAIOSFODNN7EXAMPLE of gmail-alias (IAM user ses-smtp-gmail-alias) is 30 days old, within 90 days; never used',
      found: 'CreateDate 2026-10-31, never used',
    });
    expect(iam.commandCalls(ListAccessKeysCommand)).toHaveLength(2);
  });
});
