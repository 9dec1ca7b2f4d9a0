import {
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  GetAccountCommand,
  GetEmailIdentityCommand,
  GetSuppressedDestinationCommand,
  ListEmailIdentitiesCommand,
  ListSuppressedDestinationsCommand,
  SESv2Client,
} from '@aws-sdk/client-sesv2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

/**
 * Every AWS command the audit can send, and nothing else. This is the one place clients and
 * commands are named: the gateway refuses any operation missing here, a test proves that
 * every entry is a read (Get, List, Describe, Simulate), and the shipped IAM policy is
 * checked against the `permission` column so the two cannot drift.
 */
export const SERVICES = {
  sesv2: { client: SESv2Client, iamPrefix: 'ses' },
  route53: { client: Route53Client, iamPrefix: 'route53' },
  iam: { client: IAMClient, iamPrefix: 'iam' },
  lambda: { client: LambdaClient, iamPrefix: 'lambda' },
  secretsmanager: { client: SecretsManagerClient, iamPrefix: 'secretsmanager' },
  ssm: { client: SSMClient, iamPrefix: 'ssm' },
} as const;

export type ServiceName = keyof typeof SERVICES;

export const READ_COMMANDS = {
  sesv2: {
    GetAccount: GetAccountCommand,
    GetEmailIdentity: GetEmailIdentityCommand,
    ListEmailIdentities: ListEmailIdentitiesCommand,
    GetSuppressedDestination: GetSuppressedDestinationCommand,
    ListSuppressedDestinations: ListSuppressedDestinationsCommand,
  },
  route53: {
    ListHostedZonesByName: ListHostedZonesByNameCommand,
    GetHostedZone: GetHostedZoneCommand,
    ListResourceRecordSets: ListResourceRecordSetsCommand,
  },
  iam: {
    ListAccessKeys: ListAccessKeysCommand,
    GetAccessKeyLastUsed: GetAccessKeyLastUsedCommand,
    GetUser: GetUserCommand,
    SimulatePrincipalPolicy: SimulatePrincipalPolicyCommand,
  },
  lambda: {
    GetFunctionConfiguration: GetFunctionConfigurationCommand,
  },
  secretsmanager: {
    GetSecretValue: GetSecretValueCommand,
  },
  ssm: {
    GetParameter: GetParameterCommand,
  },
} as const;

export type OperationName<S extends ServiceName> = keyof (typeof READ_COMMANDS)[S] & string;

/** The IAM action an operation needs: `ses:GetEmailIdentity`, `route53:GetHostedZone`… */
export function permissionFor(service: ServiceName, operation: string): string {
  return `${SERVICES[service].iamPrefix}:${operation}`;
}

/** Route 53 and IAM are global services: their calls all go to one endpoint region. */
export function endpointRegion(service: ServiceName, region: string): string {
  return service === 'route53' || service === 'iam' ? 'us-east-1' : region;
}

export function commandClass(service: ServiceName, operation: string) {
  const commands = READ_COMMANDS[service] as Record<string, unknown>;
  // Own keys only: an inherited name such as `constructor` or `toString` is no command.
  if (!Object.hasOwn(commands, operation)) return undefined;
  return commands[operation] as (new (input: object) => { input: object }) | undefined;
}
