import type { EvaluationResult, GetUserResponse } from '@aws-sdk/client-iam';
import { describeFailure, type AwsResult } from '../../src/aws/gateway.js';
import {
  getUser,
  isSmtpPath,
  sendingIdentities,
  simulateSendRawEmail,
  smtpPathOf,
  type Simulation,
} from '../../src/collect/smtp-credentials.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';
import type { Outcome } from '../../src/types.js';

export interface UserCanSendFacts {
  user: AwsResult<GetUserResponse>;
  simulations: Simulation[];
}

/**
 * Passes when IAM's policy simulator allows the SMTP user ses:SendRawEmail on the From
 * address identity and on its domain identity in the path's region.
 */
export default defineCheck({
  meta: {
    id: 'iam.smtp-user-can-send',
    layer: 'iam',
    severity: 'critical',
    group: 'IAM',
    title: 'SMTP user may send as the From identity',
    remediation:
      'Attach a policy to the IAM user that allows ses:SendRawEmail on the identity ARNs of the From address and its domain in this region, and remove any Deny that matches them.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html',
  },
  scope: 'path',
  appliesTo: (subject) => isSmtpPath(subject.sendingPath),
  async collect(subject, ctx): Promise<UserCanSendFacts> {
    const path = smtpPathOf(subject);
    const user = await getUser(ctx, path.iam_user);
    if (!user.ok || !user.value.User?.Arn) return { user, simulations: [] };

    const userArn = user.value.User.Arn;
    const simulations = await Promise.all(
      sendingIdentities(path).map((identity) => simulateSendRawEmail(ctx, userArn, path, identity)),
    );
    return { user, simulations };
  },
  evaluate(subject, { user, simulations }: UserCanSendFacts) {
    const { name, iam_user: userName } = smtpPathOf(subject);
    if (!user.ok && user.kind === 'not-found') {
      return fail(`IAM user ${userName} of ${name} does not exist`, {
        expected: `IAM user ${userName} allowed ses:SendRawEmail`,
        found: 'GetUser: NoSuchEntity',
      });
    }
    if (!user.ok) {
      return inconclusive(`IAM user ${userName} could not be read: ${describeFailure(user)}`);
    }
    return simulations.map((simulation) =>
      judge(userName, subject.sendingPath.region!, simulation),
    );
  },
});

function judge(user: string, region: string, { identity, arn, result }: Simulation): Outcome {
  const subject = `IAM user ${user}`;
  const target = `ses:SendRawEmail on SES identity ${identity} in ${region}`;
  const extra = { item: identity, expected: `allowed on ${arn}` };
  if (!result.ok) {
    return inconclusive(
      `Whether ${subject} may call ${target} could not be simulated: ${describeFailure(result)}`,
      { item: identity },
    );
  }

  const evaluation = result.value.EvaluationResults?.find(
    (r) => r.EvalActionName === 'ses:SendRawEmail',
  );
  switch (evaluation?.EvalDecision) {
    case 'allowed':
      return pass(`${subject} may call ${target}`, { ...extra, found: 'allowed' });
    case 'explicitDeny':
      return fail(`${subject} is explicitly denied ${target} by ${denyingPolicies(evaluation)}`, {
        ...extra,
        found: 'explicitDeny',
      });
    case 'implicitDeny':
      return fail(`${subject} may not call ${target}: ${implicitReason(evaluation)}`, {
        ...extra,
        found: 'implicitDeny',
      });
    default:
      return inconclusive(`The policy simulator gave no decision for ${subject} and ${target}`, {
        item: identity,
      });
  }
}

function denyingPolicies(evaluation: EvaluationResult): string {
  const ids = [...new Set((evaluation.MatchedStatements ?? []).map((s) => s.SourcePolicyId))];
  const named = ids.filter((id): id is string => Boolean(id));
  return named.length > 0 ? `policy ${named.join(', ')}` : 'a policy';
}

/** An implicit deny is the absence of an Allow, or a boundary or SCP that leaves it out. */
function implicitReason(evaluation: EvaluationResult): string {
  if (evaluation.OrganizationsDecisionDetail?.AllowedByOrganizations === false) {
    return 'a service control policy of the organization does not allow it';
  }
  if (evaluation.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false) {
    return 'the permissions boundary of the user does not allow it';
  }
  return 'no policy of the user allows it (implicit deny)';
}
