import { IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check, { type KeyActiveFacts } from '../../../checks/smtp-credentials/smtp.key-active.js';
import { smtpContext } from '../../support/smtp-path.js';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const now = () => new Date('2026-11-30T09:00:00Z');
const { subject } = smtpContext();
const username = {
  ok: true,
  value: 'AKIAIOSFODNN7EXAMPLE',
  where: 'the expectations file',
} as const;
const store = 'the SMTP client that uses it';
const keys = (...listed: [string, 'Active' | 'Inactive'][]): KeyActiveFacts['keys'] => ({
  ok: true,
  value: {
    AccessKeyMetadata: listed.map(([AccessKeyId, Status]) => ({
      UserName: 'ses-smtp-gmail-alias',
      AccessKeyId,
      Status,
    })),
  },
});

describe('smtp.key-active', () => {
  it('passes when the username is an Active key of the user', () => {
    const facts = { username, keys: keys(['AKIAIOSFODNN7EXAMPLE', 'Active']), store };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'SMTP username AKIAIOSFODNN7EXAMPLE of gmail-alias is an Active access key of IAM user ses-smtp-gmail-alias',
      found: 'ListAccessKeys ses-smtp-gmail-alias: AKIAIOSFODNN7EXAMPLE Active',
    });
  });

  it('fails when the key was rotated away, naming where the credential is stored', () => {
    const facts = {
      username,
      keys: keys(['AKIAZ5ROTATEDEXAMPLE', 'Active']),
      store: 'SSM parameter /mail/smtp-password in us-east-1',
    };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP username AKIAIOSFODNN7EXAMPLE of gmail-alias is not an access key of IAM user ses-smtp-gmail-alias, so it was rotated or deleted: regenerate the SMTP credential and update SSM parameter /mail/smtp-password in us-east-1',
      expected: 'AKIAIOSFODNN7EXAMPLE Active',
      found: 'ListAccessKeys ses-smtp-gmail-alias: AKIAZ5ROTATEDEXAMPLE Active',
    });
  });

  it('fails when the key is Inactive', () => {
    const facts = { username, keys: keys(['AKIAIOSFODNN7EXAMPLE', 'Inactive']), store };

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP username AKIAIOSFODNN7EXAMPLE of gmail-alias is an Inactive access key of IAM user ses-smtp-gmail-alias, so SES refuses it: reactivate it, or regenerate the SMTP credential and update the SMTP client that uses it',
      expected: 'AKIAIOSFODNN7EXAMPLE Active',
      found: 'ListAccessKeys ses-smtp-gmail-alias: AKIAIOSFODNN7EXAMPLE Inactive',
    });
  });

  it('fails when the username is not an access key ID, without echoing it', () => {
    const misplaced = {
      ok: true,
      value: 'BMXhUYlu5Z3gSXVQORxlVa7XPaz91aGWdfHxvkOZdWZ2',
      where: 'environment variable SMTP_USER',
    } as const;

    const outcome = check.evaluate(subject, { username: misplaced, store }, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SMTP username of gmail-alias in environment variable SMTP_USER is not an IAM access key ID (44 characters)',
      expected: 'AKIA followed by 16 upper-case letters or digits',
    });
  });

  it('fails when the IAM user does not exist', () => {
    const missing = {
      ok: false,
      kind: 'not-found',
      errorName: 'NoSuchEntity',
      message: 'The user with name ses-smtp-gmail-alias cannot be found.',
      permission: 'iam:ListAccessKeys',
    } as const;

    const outcome = check.evaluate(subject, { username, keys: missing, store }, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'IAM user ses-smtp-gmail-alias of gmail-alias does not exist',
      expected: 'IAM user ses-smtp-gmail-alias holding access key AKIAIOSFODNN7EXAMPLE',
      found: 'ListAccessKeys: NoSuchEntity',
    });
  });

  it('is inconclusive when the keys cannot be listed', () => {
    const denied = {
      ok: false,
      kind: 'access-denied',
      errorName: 'AccessDenied',
      message: 'not authorized',
      permission: 'iam:ListAccessKeys',
    } as const;

    const outcome = check.evaluate(subject, { username, keys: denied, store }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'Access keys of IAM user ses-smtp-gmail-alias could not be listed: access denied (the audit role needs iam:ListAccessKeys)',
    });
  });

  it('is inconclusive when a declared username cannot be read', () => {
    const unread = {
      ok: false,
      reason: 'it is not set',
      where: 'environment variable SMTP_USER',
    } as const;

    const outcome = check.evaluate(subject, { username: unread, store }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'SMTP username of gmail-alias could not be read from environment variable SMTP_USER: it is not set',
    });
  });

  it('warns, never passes, when no username is declared', () => {
    const outcome = check.evaluate(subject, { store }, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'SMTP username of gmail-alias was not checked for an Active, recent access key of IAM user ses-smtp-gmail-alias: the expectations declare no username',
      found: 'no credential.username declared',
      fix: 'Declare the SMTP username (credential.username: the access key ID, as value, env, file, secrets_manager or ssm) so its key can be checked.',
    });
  });

  it('collects the keys of the declared IAM user', async () => {
    iam.on(ListAccessKeysCommand, { UserName: 'ses-smtp-gmail-alias' }).resolves({
      AccessKeyMetadata: [{ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Active' }],
    });
    const { ctx } = smtpContext();

    const facts = await check.collect(subject, ctx);

    expect(facts).toEqual({
      username,
      store,
      keys: {
        ok: true,
        value: { AccessKeyMetadata: [{ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Active' }] },
      },
    });
  });
});
