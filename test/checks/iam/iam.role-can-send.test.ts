import type { EvaluationResult } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import check from '../../../checks/iam/iam.role-can-send.js';
import type { RolePermissionFacts } from '../../../src/collect/role-permission.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { testContext } from '../../support/audit-context.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const ctx = testContext({
  yaml: `source: live
domains:
  - domain: example.com
    regions: [us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
    role_arn: arn:aws:iam::111122223333:role/charter-campaign-sender-role
    region: us-west-2
    actions: [ses:SendRawEmail]
    from: admin@example.com
`,
});
const subject: SubjectOf<'path'> = {
  scope: 'path',
  sendingPath: ctx.loaded.expectations.sending_paths[0],
  path: ['sending_paths', 0],
};
const ROLE = 'arn:aws:iam::111122223333:role/charter-campaign-sender-role';
const DOMAIN_ARN = 'arn:aws:ses:us-west-2:111122223333:identity/example.com';
const ADDRESS_ARN = 'arn:aws:ses:us-west-2:111122223333:identity/admin@example.com';

/** The simulator's answer for the domain identity; the address identity is allowed. */
function facts(
  domainResult: Partial<EvaluationResult>,
): Extract<RolePermissionFacts, { ok: true }> {
  const answer = (arn: string, result: Partial<EvaluationResult>) => ({
    ok: true as const,
    value: {
      EvaluationResults: [
        { EvalActionName: 'ses:SendRawEmail', EvalResourceName: arn, ...result },
      ] as EvaluationResult[],
    },
  });
  return {
    ok: true,
    role: ROLE,
    setup: {
      ok: true,
      region: 'us-west-2',
      regionSource: 'declared region',
      from: 'admin@example.com',
      fromSource: 'declared from',
    },
    simulations: [
      { identity: 'example.com', arn: DOMAIN_ARN, result: answer(DOMAIN_ARN, domainResult) },
      {
        identity: 'admin@example.com',
        arn: ADDRESS_ARN,
        result: answer(ADDRESS_ARN, { EvalDecision: 'allowed' }),
      },
    ],
  };
}
const ALLOWED_ADDRESS = {
  outcome: 'pass',
  message:
    'IAM role charter-campaign-sender-role may call ses:SendRawEmail on SES identity admin@example.com in us-west-2',
  item: 'ses:SendRawEmail admin@example.com',
  expected: `allowed on ${ADDRESS_ARN}`,
  found: 'allowed',
};

describe('iam.role-can-send', () => {
  it('passes when the simulator allows each action on each identity', () => {
    const outcomes = check.evaluate(subject, facts({ EvalDecision: 'allowed' }), { now });

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message:
          'IAM role charter-campaign-sender-role may call ses:SendRawEmail on SES identity example.com in us-west-2',
        item: 'ses:SendRawEmail example.com',
        expected: `allowed on ${DOMAIN_ARN}`,
        found: 'allowed',
      },
      ALLOWED_ADDRESS,
    ]);
  });

  it('fails when no policy of the role allows the action (implicit deny)', () => {
    const outcomes = check.evaluate(subject, facts({ EvalDecision: 'implicitDeny' }), { now });

    expect(outcomes).toEqual([
      {
        outcome: 'fail',
        message:
          'IAM role charter-campaign-sender-role may not call ses:SendRawEmail on SES identity example.com in us-west-2: no policy of the role allows it (implicit deny)',
        item: 'ses:SendRawEmail example.com',
        expected: `allowed on ${DOMAIN_ARN}`,
        found: 'implicitDeny',
      },
      ALLOWED_ADDRESS,
    ]);
  });

  it('fails when a permissions boundary leaves the action out', () => {
    const result = {
      EvalDecision: 'implicitDeny' as const,
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
    };

    const [domain] = check.evaluate(subject, facts(result), { now }) as { message: string }[];

    expect(domain.message).toBe(
      'IAM role charter-campaign-sender-role may not call ses:SendRawEmail on SES identity example.com in us-west-2: the permissions boundary of the role does not allow it',
    );
  });

  it('fails when a service control policy leaves the action out', () => {
    const result = {
      EvalDecision: 'implicitDeny' as const,
      OrganizationsDecisionDetail: { AllowedByOrganizations: false },
    };

    const [domain] = check.evaluate(subject, facts(result), { now }) as { message: string }[];

    expect(domain.message).toBe(
      'IAM role charter-campaign-sender-role may not call ses:SendRawEmail on SES identity example.com in us-west-2: a service control policy of the organization does not allow it',
    );
  });

  it('fails when an explicit Deny matches, naming the policy', () => {
    const result = {
      EvalDecision: 'explicitDeny' as const,
      MatchedStatements: [
        { SourcePolicyId: 'deny-us-west-2' },
        { SourcePolicyId: 'deny-us-west-2' },
      ],
    };

    const outcomes = check.evaluate(subject, facts(result), { now });

    expect(outcomes).toEqual([
      {
        outcome: 'fail',
        message:
          'IAM role charter-campaign-sender-role is explicitly denied ses:SendRawEmail on SES identity example.com in us-west-2 by policy deny-us-west-2',
        item: 'ses:SendRawEmail example.com',
        expected: `allowed on ${DOMAIN_ARN}`,
        found: 'explicitDeny',
      },
      ALLOWED_ADDRESS,
    ]);
  });

  it('is inconclusive when SimulatePrincipalPolicy is denied, naming the permission', () => {
    const denied: RolePermissionFacts = {
      ...facts({}),
      simulations: [
        {
          identity: 'example.com',
          arn: DOMAIN_ARN,
          result: {
            ok: false,
            kind: 'access-denied',
            errorName: 'AccessDenied',
            message: 'User is not authorized',
            permission: 'iam:SimulatePrincipalPolicy',
          },
        },
      ],
    };

    const outcomes = check.evaluate(subject, denied, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'Whether IAM role charter-campaign-sender-role may call ses:SendRawEmail on SES identity example.com in us-west-2 could not be simulated: access denied (the audit role needs iam:SimulatePrincipalPolicy)',
        item: 'ses:SendRawEmail example.com',
      },
    ]);
  });

  it('is inconclusive when the simulator gives no decision for the action', () => {
    const empty: RolePermissionFacts = {
      ...facts({}),
      simulations: [{ identity: 'example.com', arn: DOMAIN_ARN, result: { ok: true, value: {} } }],
    };

    const outcomes = check.evaluate(subject, empty, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'The policy simulator gave no decision for IAM role charter-campaign-sender-role and ses:SendRawEmail on SES identity example.com in us-west-2',
        item: 'ses:SendRawEmail example.com',
      },
    ]);
  });

  it('is inconclusive when the sending role is unknown', () => {
    const outcome = check.evaluate(
      subject,
      { ok: false, reason: 'bulk-sender names neither a Lambda nor role_arn' },
      { now },
    );

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'Sending role of bulk-sender is unknown: bulk-sender names neither a Lambda nor role_arn',
    });
  });
});
