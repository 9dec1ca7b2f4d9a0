import { GetUserCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check, { type UserCanSendFacts } from '../../../checks/iam/iam.smtp-user-can-send.js';
import type { Simulation } from '../../../src/collect/smtp-credentials.js';
import { smtpContext } from '../../support/smtp-path.js';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const now = () => new Date('2026-11-30T09:00:00Z');
const { subject } = smtpContext();
const USER_ARN = 'arn:aws:iam::111122223333:user/ses-smtp-gmail-alias';
const ADDRESS_ARN = 'arn:aws:ses:us-east-1:111122223333:identity/admin@example.com';
const DOMAIN_ARN = 'arn:aws:ses:us-east-1:111122223333:identity/example.com';
const user: UserCanSendFacts['user'] = {
  ok: true,
  value: {
    User: {
      UserName: 'ses-smtp-gmail-alias',
      Arn: USER_ARN,
      UserId: 'AIDAEXAMPLE',
      Path: '/',
      CreateDate: new Date('2025-01-01T00:00:00Z'),
    },
  },
};
const simulation = (identity: string, arn: string, decision: string): Simulation => ({
  identity,
  arn,
  result: {
    ok: true,
    value: {
      EvaluationResults: [
        {
          EvalActionName: 'ses:SendRawEmail',
          EvalResourceName: arn,
          EvalDecision: decision as never,
          MatchedStatements:
            decision === 'explicitDeny' ? [{ SourcePolicyId: 'no-mail-from-alias' }] : [],
        },
      ],
    },
  },
});

describe('iam.smtp-user-can-send', () => {
  it('passes when the user may send raw mail as the address and its domain', () => {
    const facts = {
      user,
      simulations: [
        simulation('admin@example.com', ADDRESS_ARN, 'allowed'),
        simulation('example.com', DOMAIN_ARN, 'allowed'),
      ],
    };

    const outcomes = check.evaluate(subject, facts, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'pass',
        message:
          'IAM user ses-smtp-gmail-alias may call ses:SendRawEmail on SES identity admin@example.com in us-east-1',
        item: 'admin@example.com',
        expected: `allowed on ${ADDRESS_ARN}`,
        found: 'allowed',
      },
      {
        outcome: 'pass',
        message:
          'IAM user ses-smtp-gmail-alias may call ses:SendRawEmail on SES identity example.com in us-east-1',
        item: 'example.com',
        expected: `allowed on ${DOMAIN_ARN}`,
        found: 'allowed',
      },
    ]);
  });

  it('fails when the user is implicitly or explicitly denied', () => {
    const facts = {
      user,
      simulations: [
        simulation('admin@example.com', ADDRESS_ARN, 'explicitDeny'),
        simulation('example.com', DOMAIN_ARN, 'implicitDeny'),
      ],
    };

    const outcomes = check.evaluate(subject, facts, { now });

    expect(outcomes).toEqual([
      {
        outcome: 'fail',
        message:
          'IAM user ses-smtp-gmail-alias is explicitly denied ses:SendRawEmail on SES identity admin@example.com in us-east-1 by policy no-mail-from-alias',
        item: 'admin@example.com',
        expected: `allowed on ${ADDRESS_ARN}`,
        found: 'explicitDeny',
      },
      {
        outcome: 'fail',
        message:
          'IAM user ses-smtp-gmail-alias may not call ses:SendRawEmail on SES identity example.com in us-east-1: no policy of the user allows it (implicit deny)',
        item: 'example.com',
        expected: `allowed on ${DOMAIN_ARN}`,
        found: 'implicitDeny',
      },
    ]);
  });

  it('fails when the IAM user does not exist', async () => {
    iam
      .on(GetUserCommand)
      .rejects(Object.assign(new Error('no such user'), { name: 'NoSuchEntityException' }));
    const { ctx, subject: fresh } = smtpContext();

    const facts = await check.collect(fresh, ctx);
    const outcome = check.evaluate(fresh, facts, ctx);

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'IAM user ses-smtp-gmail-alias of gmail-alias does not exist',
      expected: 'IAM user ses-smtp-gmail-alias allowed ses:SendRawEmail',
      found: 'GetUser: NoSuchEntity',
    });
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(0);
  });

  it('is inconclusive when SimulatePrincipalPolicy is denied, naming the permission', async () => {
    iam.on(GetUserCommand).resolves(user.ok ? user.value : {});
    iam
      .on(SimulatePrincipalPolicyCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied' }));
    const { ctx, subject: fresh } = smtpContext();

    const facts = await check.collect(fresh, ctx);
    const outcomes = check.evaluate(fresh, facts, ctx);

    expect(outcomes).toEqual([
      {
        outcome: 'inconclusive',
        message:
          'Whether IAM user ses-smtp-gmail-alias may call ses:SendRawEmail on SES identity admin@example.com in us-east-1 could not be simulated: access denied (the audit role needs iam:SimulatePrincipalPolicy)',
        item: 'admin@example.com',
      },
      {
        outcome: 'inconclusive',
        message:
          'Whether IAM user ses-smtp-gmail-alias may call ses:SendRawEmail on SES identity example.com in us-east-1 could not be simulated: access denied (the audit role needs iam:SimulatePrincipalPolicy)',
        item: 'example.com',
      },
    ]);
    const asked = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);
    expect(asked.map((input) => input.ResourceArns)).toEqual([[ADDRESS_ARN], [DOMAIN_ARN]]);
  });
});
