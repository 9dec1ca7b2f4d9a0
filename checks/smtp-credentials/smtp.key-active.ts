import type { ListAccessKeysResponse } from '@aws-sdk/client-iam';
import { describeFailure, type AwsResult } from '../../src/aws/gateway.js';
import {
  credentialStore,
  findKey,
  isSmtpPath,
  listAccessKeys,
  readCredential,
  smtpPathOf,
  unreadable,
} from '../../src/collect/smtp-credentials.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';
import type { SecretValue } from '../../src/engine/context.js';
import { ACCESS_KEY_ID } from '../../src/smtp/password.js';

export interface KeyActiveFacts {
  username?: SecretValue;
  keys?: AwsResult<ListAccessKeysResponse>;
  /** Where the credential to regenerate is kept, for the message. */
  store: string;
}

/** Passes when the SMTP username is an Active access key of the path's IAM user. */
export default defineCheck({
  meta: {
    id: 'smtp.key-active',
    layer: 'smtp-credentials',
    severity: 'critical',
    group: 'SMTP credential',
    title: 'username is an active access key of the IAM user',
    remediation:
      'Create a new access key for the IAM user, derive its SMTP password for the region (mailspec smtp-password), and update every client and store that holds the old credential.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html',
  },
  scope: 'path',
  keyPath: ['credential', 'username'],
  appliesTo: (subject) => isSmtpPath(subject.sendingPath),
  async collect(subject, ctx): Promise<KeyActiveFacts> {
    const path = smtpPathOf(subject);
    const store = credentialStore(ctx, path);
    const username = await readCredential(ctx, path, 'username');
    if (!username?.ok || !ACCESS_KEY_ID.test(username.value)) return { username, store };
    return { username, keys: await listAccessKeys(ctx, path.iam_user), store };
  },
  evaluate(subject, { username, keys, store }: KeyActiveFacts) {
    const { name, iam_user: user } = smtpPathOf(subject);
    // smtp.key-age defers every username problem to this check, so this says it for both.
    if (!username) {
      return warn(
        `SMTP username of ${name} was not checked for an Active, recent access key of IAM user ${user}: the expectations declare no username`,
        {
          found: 'no credential.username declared',
          fix: 'Declare the SMTP username (credential.username: the access key ID, as value, env, file, secrets_manager or ssm) so its key can be checked.',
        },
      );
    }
    if (!username.ok) return inconclusive(unreadable('username', name, username));
    if (!ACCESS_KEY_ID.test(username.value)) {
      // The value is not echoed: a misplaced password or secret key can end up here.
      return fail(
        `SMTP username of ${name} in ${username.where} is not an IAM access key ID (${username.value.length} characters)`,
        { expected: 'AKIA followed by 16 upper-case letters or digits' },
      );
    }

    const keyId = username.value;
    if (!keys) return [];
    if (!keys.ok && keys.kind === 'not-found') {
      return fail(`IAM user ${user} of ${name} does not exist`, {
        expected: `IAM user ${user} holding access key ${keyId}`,
        found: 'ListAccessKeys: NoSuchEntity',
      });
    }
    if (!keys.ok) {
      return inconclusive(
        `Access keys of IAM user ${user} could not be listed: ${describeFailure(keys)}`,
      );
    }

    const listed = (keys.value.AccessKeyMetadata ?? [])
      .map((key) => `${key.AccessKeyId} ${key.Status}`)
      .join(', ');
    const found = `ListAccessKeys ${user}: ${listed || 'no keys'}`;
    const key = findKey(keys.value, keyId);
    if (!key) {
      return fail(
        `SMTP username ${keyId} of ${name} is not an access key of IAM user ${user}, so it was rotated or deleted: regenerate the SMTP credential and update ${store}`,
        { expected: `${keyId} Active`, found },
      );
    }
    if (key.Status !== 'Active') {
      return fail(
        `SMTP username ${keyId} of ${name} is an ${key.Status} access key of IAM user ${user}, so SES refuses it: reactivate it, or regenerate the SMTP credential and update ${store}`,
        { expected: `${keyId} Active`, found },
      );
    }
    return pass(`SMTP username ${keyId} of ${name} is an Active access key of IAM user ${user}`, {
      found,
    });
  },
});
