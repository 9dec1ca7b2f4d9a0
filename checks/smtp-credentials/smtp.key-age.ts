import type { GetAccessKeyLastUsedResponse, ListAccessKeysResponse } from '@aws-sdk/client-iam';
import { describeFailure, type AwsResult } from '../../src/aws/gateway.js';
import {
  accessKeyLastUsed,
  findKey,
  isSmtpPath,
  listAccessKeys,
  readCredential,
  smtpPathOf,
} from '../../src/collect/smtp-credentials.js';
import { field, fields, pastTime, text } from '../../src/collect/fields.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';
import { ACCESS_KEY_ID } from '../../src/smtp/password.js';

export interface KeyAgeFacts {
  /** The access key ID used as SMTP username, when it could be read and has the right shape. */
  keyId?: string;
  keys?: AwsResult<ListAccessKeysResponse>;
  lastUsed?: AwsResult<GetAccessKeyLastUsedResponse>;
}

const DAY_MS = 86_400_000;

/**
 * Passes when the access key behind the SMTP username is at most max_key_age_days old and,
 * if it was used at all, was last used by SES in the path's region.
 */
export default defineCheck({
  meta: {
    id: 'smtp.key-age',
    layer: 'smtp-credentials',
    severity: 'medium',
    group: 'SMTP credential',
    title: 'access key is within its maximum age',
    remediation:
      'Rotate the key: create a second access key for the IAM user, derive its SMTP password for the region, switch the clients over, then deactivate and delete the old key.',
    reference:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  },
  scope: 'path',
  appliesTo: (subject) => isSmtpPath(subject.sendingPath),
  async collect(subject, ctx): Promise<KeyAgeFacts> {
    const path = smtpPathOf(subject);
    const username = await readCredential(ctx, path, 'username');
    // An unreadable or malformed username is smtp.key-active's finding, not this one's.
    if (!username?.ok || !ACCESS_KEY_ID.test(username.value)) return {};

    const keyId = username.value;
    const keys = await listAccessKeys(ctx, path.iam_user);
    if (!keys.ok || !findKey(keys.value, keyId)) return { keyId, keys };
    return { keyId, keys, lastUsed: await accessKeyLastUsed(ctx, keyId) };
  },
  evaluate(subject, { keyId, keys, lastUsed }: KeyAgeFacts, { now }) {
    const { name, region, iam_user: user, max_key_age_days: maxDays } = smtpPathOf(subject);
    if (!keyId || !keys) return [];
    if (!keys.ok && keys.kind === 'not-found') return [];
    if (!keys.ok) {
      return inconclusive(
        `Age of access key ${keyId} of ${name} could not be read: ${describeFailure(keys)}`,
      );
    }

    // A key missing from the user is reported by smtp.key-active as rotated or deleted.
    const key = findKey(keys.value, keyId);
    const createdAt = field(key, 'CreateDate', pastTime(now()));
    if (!createdAt.ok) {
      return inconclusive(
        `ListAccessKeys answer for access key ${keyId} of ${name} (IAM user ${user}) has ${createdAt.problem}`,
      );
    }
    const created = createdAt.value;
    if (!created) return [];
    const use = readLastUse(lastUsed, now());
    if (!use.ok) {
      return inconclusive(
        `GetAccessKeyLastUsed answer for access key ${keyId} of ${name} has ${use.problem}`,
      );
    }
    const days = Math.floor((now().getTime() - created.getTime()) / DAY_MS);
    const found = `CreateDate ${isoDay(created)}, ${describeLastUse(lastUsed)}`;

    if (days > maxDays) {
      return fail(
        `Access key ${keyId} of ${name} (IAM user ${user}) is ${days} days old, over the limit of ${maxDays} days; ${describeLastUse(lastUsed)}`,
        { expected: `at most ${maxDays} days old`, found },
      );
    }
    const age = `Access key ${keyId} of ${name} (IAM user ${user}) is ${days} days old, within ${maxDays} days`;
    // IAM records the service and region of the key's last request: anything but SES in the
    // path's region means the key is shared with another use, or the client sends elsewhere.
    const { date, service, where } = use.value;
    if (date && (service !== 'ses' || where !== region)) {
      return warn(`${age}, but it was ${describeLastUse(lastUsed)}, not by ses in ${region}`, {
        expected: `last used by ses in ${region}`,
        found,
      });
    }
    return pass(`${age}; ${describeLastUse(lastUsed)}`, { found });
  },
});

/** The last use of a key, with every field of the type the messages rely on. */
function readLastUse(lastUsed: KeyAgeFacts['lastUsed'], now: Date) {
  return fields(lastUsed?.ok ? lastUsed.value : undefined, {
    date: ['AccessKeyLastUsed.LastUsedDate', pastTime(now)],
    service: ['AccessKeyLastUsed.ServiceName', text],
    where: ['AccessKeyLastUsed.Region', text],
  });
}

function isoDay(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10);
}

/** "last used 2026-11-29 by ses in us-east-1", which also tells a key used elsewhere. */
function describeLastUse(lastUsed: KeyAgeFacts['lastUsed']): string {
  if (!lastUsed) return 'last use unknown';
  if (!lastUsed.ok) return `last use unknown (${describeFailure(lastUsed)})`;
  const use = lastUsed.value.AccessKeyLastUsed;
  if (!use?.LastUsedDate) return 'never used';
  return `last used ${isoDay(use.LastUsedDate)} by ${use.ServiceName} in ${use.Region}`;
}
