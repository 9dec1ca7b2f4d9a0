import type {
  AccessKeyMetadata,
  GetAccessKeyLastUsedResponse,
  GetUserResponse,
  ListAccessKeysResponse,
  SimulatePolicyResponse,
} from '@aws-sdk/client-iam';
import { stableJson, type AwsResult } from '../aws/gateway.js';
import type { SecretSource, SendingPath, SmtpPath, UsernameSource } from '../config/schema.js';
import type { SubjectOf } from '../engine/check.js';
import type { AuditContext, SecretValue } from '../engine/context.js';
import { describeSecretSource, readSecretSource } from '../secrets/read.js';
import { bool, field, fields, objects, text, unusableAnswer } from './fields.js';

/** Only SMTP relays have an SMTP credential; the checks of this layer skip other paths. */
export function isSmtpPath(path: SendingPath): path is SmtpPath {
  return path.kind === 'smtp';
}

export function smtpPathOf(subject: SubjectOf<'path'>): SmtpPath {
  if (!isSmtpPath(subject.sendingPath)) throw new Error(`${subject.sendingPath.name} is not SMTP`);
  return subject.sendingPath;
}

export type CredentialPart = 'username' | 'password' | 'secret_access_key';

/**
 * One part of a path's credential, read once per run; undefined when the expectations do
 * not say where it is kept (the checks needing it are then not applicable).
 */
export function readCredential(
  ctx: AuditContext,
  path: SmtpPath,
  part: CredentialPart,
): Promise<SecretValue | undefined> {
  const source = path.credential[part];
  if (!source) return Promise.resolve(undefined);
  return ctx.memo(`secret ${path.region} ${stableJson(source)}`, () =>
    readSecretSource(source, { aws: ctx.aws, region: path.region, baseDir: ctx.loaded.dir }),
  );
}

/** Where the credential to replace is kept, for "regenerate … and update <where>". */
export function credentialStore(ctx: Pick<AuditContext, 'loaded'>, path: SmtpPath): string {
  const declared: (SecretSource | UsernameSource | undefined)[] = [
    path.credential.password,
    path.credential.secret_access_key,
    path.credential.username,
  ];
  const source = declared.find((s) => s !== undefined && !('value' in s));
  if (source) return describeSecretSource(source, { region: path.region, baseDir: ctx.loaded.dir });
  return 'the SMTP client that uses it';
}

/**
 * Every access key of an IAM user, following Marker while IsTruncated. A user holds at most
 * two keys, but IAM may cut a list short at any size; a page that cannot be had, or whose
 * fields do not have their types, makes the whole list a failure, never a partial one.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccessKeys.html
 */
export function listAccessKeys(
  ctx: AuditContext,
  user: string,
): Promise<AwsResult<ListAccessKeysResponse>> {
  return ctx.memo(`access keys ${user}`, async () => {
    const keys: AccessKeyMetadata[] = [];
    const seen = new Set<string>();
    let marker: string | undefined;
    do {
      const page = await ctx.aws.call<ListAccessKeysResponse>(
        'iam',
        'us-east-1',
        'ListAccessKeys',
        {
          UserName: user,
          ...(marker ? { Marker: marker } : {}),
        },
      );
      if (!page.ok) return page;

      const answer = `ListAccessKeys answer for IAM user ${user}`;
      const problem = accessKeysProblem(page.value);
      if (problem) return unusable(`${answer} has ${problem}`);
      marker = page.value.IsTruncated ? page.value.Marker : undefined;
      if (page.value.IsTruncated && !marker) {
        return unusable(`${answer} has IsTruncated true and no Marker, so the list is incomplete`);
      }
      // The gateway memoises by input, so a marker served twice would loop forever.
      if (marker && seen.has(marker)) return unusable(`${answer} served Marker ${marker} twice`);
      if (marker) seen.add(marker);
      keys.push(...(page.value.AccessKeyMetadata ?? []));
    } while (marker);
    return { ok: true, value: { AccessKeyMetadata: keys } };
  });
}

function accessKeysProblem(page: ListAccessKeysResponse): string | undefined {
  const read = fields(page, {
    keys: ['AccessKeyMetadata', objects],
    truncated: ['IsTruncated', bool],
    marker: ['Marker', text],
  });
  if (!read.ok) return read.problem;
  for (const [index, key] of (read.value.keys ?? []).entries()) {
    for (const name of ['AccessKeyId', 'Status']) {
      const one = field(key, name, text);
      if (!one.ok) return `AccessKeyMetadata[${index}].${one.problem}`;
    }
  }
  return undefined;
}

function unusable(message: string): AwsResult<never> {
  return unusableAnswer('iam:ListAccessKeys', message);
}

export function accessKeyLastUsed(ctx: AuditContext, accessKeyId: string) {
  return ctx.aws.call<GetAccessKeyLastUsedResponse>('iam', 'us-east-1', 'GetAccessKeyLastUsed', {
    AccessKeyId: accessKeyId,
  });
}

export function getUser(ctx: AuditContext, user: string) {
  return ctx.aws.call<GetUserResponse>('iam', 'us-east-1', 'GetUser', { UserName: user });
}

export function findKey(
  keys: ListAccessKeysResponse,
  accessKeyId: string,
): AccessKeyMetadata | undefined {
  return keys.AccessKeyMetadata?.find((key) => key.AccessKeyId === accessKeyId);
}

/** The SES identities a path sends as: its From address and that address's domain. */
export function sendingIdentities(path: SmtpPath): string[] {
  return [path.from, path.from.slice(path.from.indexOf('@') + 1)];
}

/** `arn:aws:ses:us-east-1:123456789012:identity/example.com`, in the user's partition. */
export function identityArn(userArn: string, region: string, identity: string): string {
  const [, partition, , , account] = userArn.split(':');
  return `arn:${partition}:ses:${region}:${account}:identity/${identity}`;
}

export interface Simulation {
  identity: string;
  arn: string;
  result: AwsResult<SimulatePolicyResponse>;
}

/**
 * Asks IAM's policy simulator whether the user may send raw mail as one identity. The From
 * address goes in as `ses:FromAddress`, so policies that restrict senders are evaluated.
 * https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
 */
export function simulateSendRawEmail(
  ctx: AuditContext,
  userArn: string,
  path: SmtpPath,
  identity: string,
): Promise<Simulation> {
  const arn = identityArn(userArn, path.region, identity);
  return ctx.aws
    .call<SimulatePolicyResponse>('iam', 'us-east-1', 'SimulatePrincipalPolicy', {
      PolicySourceArn: userArn,
      ActionNames: ['ses:SendRawEmail'],
      ResourceArns: [arn],
      ContextEntries: [
        {
          ContextKeyName: 'ses:FromAddress',
          ContextKeyValues: [path.from],
          ContextKeyType: 'string',
        },
      ],
    })
    .then((result) => ({ identity, arn, result }));
}

/** "AccessDenied…" style reason, or where the value was read, for unreadable parts. */
export function unreadable(part: string, pathName: string, value: SecretValue & { ok: false }) {
  return `SMTP ${part} of ${pathName} could not be read from ${value.where}: ${value.reason}`;
}

/** The remedy of a password check that had no password to look at. */
export const DECLARE_PASSWORD =
  'Declare where the audit can read the stored SMTP password (credential.password: env, file, secrets_manager or ssm) so it can be checked; for a Gmail alias, whose password Gmail keeps, this stays a warning.';
