import type { EvaluationResult } from '@aws-sdk/client-iam';
import { describeFailure } from '../../src/aws/gateway.js';
import type { SesApiPath } from '../../src/config/schema.js';
import {
  collectRolePermission,
  type RolePermissionFacts,
  type RoleSimulation,
} from '../../src/collect/role-permission.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import type { Outcome } from '../../src/types.js';

/**
 * Passes when IAM's policy simulator allows the sending role every declared action on the
 * From domain and From address identities, in the region the path sends from.
 */
export default defineCheck({
  meta: {
    id: 'iam.role-can-send',
    layer: 'iam',
    severity: 'critical',
    group: 'IAM',
    title: 'sending role may send as the From identity',
    remediation:
      'Allow the declared SES actions to the execution role on arn:aws:ses:<sending region>:<account>:identity/<domain> and the From address identity, and remove any Deny that matches them.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html',
  },
  scope: 'path',
  appliesTo: ({ sendingPath }) => sendingPath.kind === 'ses-api',
  collect: ({ sendingPath }, ctx) => collectRolePermission(ctx, sendingPath as SesApiPath),
  evaluate({ sendingPath }, facts: RolePermissionFacts) {
    const path = sendingPath as SesApiPath;
    if (!facts.ok) return inconclusive(`Sending role of ${path.name} is unknown: ${facts.reason}`);
    return facts.simulations.flatMap((simulation) =>
      path.actions.map((action) => judge(facts.role, facts.setup.region, action, simulation)),
    );
  },
});

function judge(role: string, region: string, action: string, simulation: RoleSimulation): Outcome {
  const { identity, arn, result } = simulation;
  const who = `IAM role ${role.slice(role.indexOf(':role/') + 6)}`;
  const what = `${action} on SES identity ${identity} in ${region}`;
  const extra = { item: `${action} ${identity}`, expected: `allowed on ${arn}` };
  if (!result.ok) {
    return inconclusive(
      `Whether ${who} may call ${what} could not be simulated: ${describeFailure(result)}`,
      {
        item: extra.item,
      },
    );
  }

  const evaluation = result.value.EvaluationResults?.find(
    (r) =>
      r.EvalActionName === action &&
      (!r.EvalResourceName || r.EvalResourceName === arn || r.EvalResourceName === '*'),
  );
  switch (evaluation?.EvalDecision) {
    case 'allowed':
      return pass(`${who} may call ${what}`, { ...extra, found: 'allowed' });
    case 'explicitDeny':
      return fail(`${who} is explicitly denied ${what} by ${denyingPolicies(evaluation)}`, {
        ...extra,
        found: 'explicitDeny',
      });
    case 'implicitDeny':
      return fail(`${who} may not call ${what}: ${implicitReason(evaluation)}`, {
        ...extra,
        found: 'implicitDeny',
      });
    default:
      return inconclusive(`The policy simulator gave no decision for ${who} and ${what}`, {
        item: extra.item,
      });
  }
}

function denyingPolicies(evaluation: EvaluationResult): string {
  const ids = (evaluation.MatchedStatements ?? []).map((s) => s.SourcePolicyId);
  const named = [...new Set(ids)].filter((id): id is string => Boolean(id));
  return named.length > 0 ? `policy ${named.join(', ')}` : 'a policy';
}

/** An implicit deny is a missing Allow, or a boundary or SCP that leaves the action out. */
function implicitReason(evaluation: EvaluationResult): string {
  if (evaluation.OrganizationsDecisionDetail?.AllowedByOrganizations === false) {
    return 'a service control policy of the organization does not allow it';
  }
  if (evaluation.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false) {
    return 'the permissions boundary of the role does not allow it';
  }
  return 'no policy of the role allows it (implicit deny)';
}
