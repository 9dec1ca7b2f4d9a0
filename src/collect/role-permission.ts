import type { SimulatePolicyResponse } from '@aws-sdk/client-iam';
import { describeFailure, type AwsResult } from '../aws/gateway.js';
import type { SesApiPath } from '../config/schema.js';
import type { AuditContext } from '../engine/context.js';
import {
  collectLambda,
  collectSendingSetup,
  domainOf,
  identityDomainFor,
  type SendingSetup,
} from './sending-path.js';

/** One simulated identity: its ARN and what the policy simulator answered for the actions. */
export interface RoleSimulation {
  identity: string;
  arn: string;
  result: AwsResult<SimulatePolicyResponse>;
}

export type RolePermissionFacts =
  | {
      ok: true;
      role: string;
      setup: Extract<SendingSetup, { ok: true }>;
      simulations: RoleSimulation[];
    }
  | { ok: false; reason: string };

/** `arn:aws:ses:us-west-2:111122223333:identity/example.com`, in the role's partition. */
export function identityArnFor(roleArn: string, region: string, identity: string): string {
  const [, partition, , , account] = roleArn.split(':');
  return `arn:${partition}:ses:${region}:${account}:identity/${identity}`;
}

/**
 * The role an ses-api path sends with (the Lambda's execution role, else `role_arn`),
 * simulated against each identity it sends as, in the region it sends from. The From
 * address and region go in as context keys so conditions on them are evaluated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
export async function collectRolePermission(
  ctx: AuditContext,
  path: SesApiPath,
): Promise<RolePermissionFacts> {
  const setup = await collectSendingSetup(ctx, path);
  if (!setup.ok) return setup;

  const lambda = await collectLambda(ctx, path);
  if (lambda && !lambda.ok) {
    return {
      ok: false,
      reason: `Lambda ${path.lambda!.function} could not be read: ${describeFailure(lambda)}`,
    };
  }
  const role = lambda?.value.Role ?? path.role_arn;
  if (!role) return { ok: false, reason: `${path.name} names neither a Lambda nor role_arn` };

  // A From address on a subdomain sends as the declared parent domain's identity.
  const domain = identityDomainFor(ctx.loaded.expectations, domainOf(setup.from));
  const identities = [domain, setup.from];
  const simulations = await Promise.all(
    identities.map(async (identity): Promise<RoleSimulation> => {
      const arn = identityArnFor(role, setup.region, identity);
      const result = await ctx.aws.call<SimulatePolicyResponse>(
        'iam',
        'us-east-1',
        'SimulatePrincipalPolicy',
        {
          PolicySourceArn: role,
          ActionNames: path.actions,
          ResourceArns: [arn],
          ContextEntries: [
            {
              ContextKeyName: 'aws:RequestedRegion',
              ContextKeyValues: [setup.region],
              ContextKeyType: 'string',
            },
            {
              ContextKeyName: 'ses:FromAddress',
              ContextKeyValues: [setup.from],
              ContextKeyType: 'string',
            },
          ],
        },
      );
      return { identity, arn, result };
    }),
  );
  return { ok: true, role, setup, simulations };
}
