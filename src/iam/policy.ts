import { READ_COMMANDS, permissionFor, type ServiceName } from '../aws/commands.js';
import type { Expectations, SecretSource, SmtpPath, UsernameSource } from '../config/schema.js';
import { bareZoneId } from '../collect/route53.js';

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
}

export interface AuditPolicy {
  policy: { Version: '2012-10-17'; Statement: PolicyStatement[] };
  /** Where the file left a resource open, said as one sentence each, for stderr. */
  notes: string[];
}

/** Resources one operation is granted on, under the statement id they are grouped by. */
interface Grant {
  sid: string;
  resources: string[];
}

type Scope = (expectations: Expectations, notes: string[]) => Grant[];

/**
 * Every operation of src/aws/commands.ts with the resources it needs for one expectations
 * file. The mapped type makes a command added there without a scope here a type error, so
 * the policy cannot fall behind the gateway. An empty list grants nothing: a file without
 * SMTP paths needs no IAM user reads.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
const SCOPES: { [S in ServiceName]: Record<keyof (typeof READ_COMMANDS)[S], Scope> } = {
  // The region and From address of a Lambda path are read from its environment during the
  // run, so the identities asked for are not known beforehand; the rest has no resource type.
  sesv2: {
    GetAccount: () => [{ sid: 'SesRead', resources: ['*'] }],
    GetEmailIdentity: () => [{ sid: 'SesRead', resources: ['*'] }],
    ListEmailIdentities: () => [{ sid: 'SesRead', resources: ['*'] }],
    GetSuppressedDestination: () => [{ sid: 'SesRead', resources: ['*'] }],
    ListSuppressedDestinations: () => [{ sid: 'SesRead', resources: ['*'] }],
  },
  route53: {
    ListHostedZonesByName: (e) =>
      e.domains.some((d) => d.route53?.hosted_zone === 'auto')
        ? [{ sid: 'Route53FindZones', resources: ['*'] }]
        : [],
    GetHostedZone: (e) => [{ sid: 'Route53Zones', resources: hostedZones(e) }],
    ListResourceRecordSets: (e) => [{ sid: 'Route53Zones', resources: hostedZones(e) }],
  },
  iam: {
    ListAccessKeys: (e) => [{ sid: 'IamSmtpUsers', resources: smtpUsers(e) }],
    GetAccessKeyLastUsed: (e) => [{ sid: 'IamSmtpUsers', resources: smtpUsers(e) }],
    GetUser: (e) => [{ sid: 'IamSmtpUsers', resources: smtpUsers(e) }],
    SimulatePrincipalPolicy: (e, notes) => [
      { sid: 'IamSmtpUsers', resources: smtpUsers(e) },
      { sid: 'IamSendingRoles', resources: sendingRoles(e, notes) },
    ],
  },
  lambda: {
    GetFunctionConfiguration: (e) => [{ sid: 'LambdaFunctions', resources: lambdaFunctions(e) }],
  },
  secretsmanager: {
    GetSecretValue: (e) => [{ sid: 'CredentialSecrets', resources: secretArns(e) }],
  },
  ssm: {
    GetParameter: (e) => [{ sid: 'CredentialParameters', resources: parameterArns(e) }],
  },
};

/** The least-privilege policy of an expectations file, statements in the order first granted. */
export function auditPolicyFor(expectations: Expectations): AuditPolicy {
  const notes: string[] = [];
  const statements = new Map<string, PolicyStatement>();

  for (const [service, commands] of Object.entries(READ_COMMANDS)) {
    const scopes = SCOPES[service as ServiceName] as Record<string, Scope>;
    for (const operation of Object.keys(commands)) {
      for (const { sid, resources } of scopes[operation](expectations, notes)) {
        if (resources.length === 0) continue;
        const statement = statements.get(sid) ?? {
          Sid: sid,
          Effect: 'Allow',
          Action: [],
          Resource: [],
        };
        statement.Action = unique([
          ...statement.Action,
          permissionFor(service as ServiceName, operation),
        ]);
        statement.Resource = unique([...statement.Resource, ...resources]);
        statements.set(sid, statement);
      }
    }
  }
  return { policy: { Version: '2012-10-17', Statement: [...statements.values()] }, notes };
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** `cn-north-1` is in aws-cn, `us-gov-west-1` in aws-us-gov, the rest in aws. */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function hostedZones(e: Expectations): string[] {
  const declared = e.domains.flatMap((d) => (d.route53 ? [d.route53.hosted_zone] : []));
  // A zone found by name (`auto`) has an id only AWS knows.
  if (declared.includes('auto')) return ['*'];
  return declared.map((id) => `arn:aws:route53:::hostedzone/${bareZoneId(id)}`);
}

function smtpPaths(e: Expectations): SmtpPath[] {
  return e.sending_paths.filter((path): path is SmtpPath => path.kind === 'smtp');
}

// The account is `*`: the file names none for users, and a role's account reads no other's.
function smtpUsers(e: Expectations): string[] {
  return smtpPaths(e).map((path) => `arn:${partitionOf(path.region)}:iam::*:user/${path.iam_user}`);
}

/**
 * The role a path sends with is the Lambda's execution role, which only AWS knows; `role_arn`
 * names it. A Lambda path without one leaves the simulation open to every role.
 */
function sendingRoles(e: Expectations, notes: string[]): string[] {
  return e.sending_paths.flatMap((path) => {
    if (path.kind !== 'ses-api') return [];
    if (path.role_arn) return [path.role_arn];
    if (!path.lambda) return [];
    const partition = partitionOf(path.lambda.region);
    notes.push(
      `sending path ${path.name} names no role_arn, so iam:SimulatePrincipalPolicy is granted ` +
        "on every role; add the Lambda's execution role as role_arn to narrow it",
    );
    return [`arn:${partition}:iam::*:role/*`];
  });
}

function lambdaFunctions(e: Expectations): string[] {
  return e.sending_paths.flatMap((path) => {
    if (path.kind !== 'ses-api' || !path.lambda) return [];
    const { function: name, region } = path.lambda;
    if (name.startsWith('arn:')) return [name];
    const head = `arn:${partitionOf(region)}:lambda:${region}:`;
    // A partial ARN (ACCOUNT:function:NAME) already holds the account.
    return [/^\d{12}:function:/.test(name) ? head + name : `${head}*:function:${name}`];
  });
}

/** Every stored credential of the SMTP paths, with the region it is read in. */
function credentialSources(e: Expectations) {
  return smtpPaths(e).flatMap((path) => {
    const { username, password, secret_access_key } = path.credential;
    return [username, password, secret_access_key]
      .filter((source): source is SecretSource | UsernameSource => source !== undefined)
      .map((source) => ({ source, region: path.region }));
  });
}

/**
 * Secrets Manager appends six random characters to a secret's name in its ARN, hence `-??????`.
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html
 */
function secretArns(e: Expectations): string[] {
  return credentialSources(e).flatMap(({ source, region: pathRegion }) => {
    if (!('secrets_manager' in source)) return [];
    const { secret_id: id, region = pathRegion } = source.secrets_manager;
    if (id.startsWith('arn:')) return [id];
    return [`arn:${partitionOf(region)}:secretsmanager:${region}:*:secret:${id}-??????`];
  });
}

/** A parameter ARN holds the name without its leading slash and without a `:version`. */
function parameterArns(e: Expectations): string[] {
  return credentialSources(e).flatMap(({ source, region: pathRegion }) => {
    if (!('ssm' in source)) return [];
    const { name, region = pathRegion } = source.ssm;
    if (name.startsWith('arn:')) return [name];
    const bare = name.replace(/^\//, '').replace(/:[^/:]*$/, '');
    return [`arn:${partitionOf(region)}:ssm:${region}:*:parameter/${bare}`];
  });
}
