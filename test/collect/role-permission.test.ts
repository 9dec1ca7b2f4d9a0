import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { SesApiPath } from '../../src/config/schema.js';
import { collectRolePermission, identityArnFor } from '../../src/collect/role-permission.js';
import { testContext } from '../support/audit-context.js';

const iam = mockClient(IAMClient);
const lambda = mockClient(LambdaClient);
afterEach(() => {
  iam.reset();
  lambda.reset();
});

const ROLE = 'arn:aws:iam::111122223333:role/charter-campaign-sender-role';

function withPath(lines: string, from = 'admin@example.com') {
  const ctx = testContext({
    yaml: `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
${lines}    actions: [ses:SendEmail, ses:SendRawEmail]
    from: ${from}
`,
  });
  return { ctx, path: ctx.loaded.expectations.sending_paths[0] as SesApiPath };
}

describe('identityArnFor', () => {
  it('passes when the identity ARN keeps the role partition and account', () => {
    const arn = identityArnFor(
      'arn:aws-us-gov:iam::111122223333:role/sender',
      'us-gov-west-1',
      'example.com',
    );

    expect(arn).toBe('arn:aws-us-gov:ses:us-gov-west-1:111122223333:identity/example.com');
  });
});

describe('collectRolePermission', () => {
  it('passes when the Lambda execution role is simulated on each identity in the sending region', async () => {
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolves({ Role: ROLE, Environment: { Variables: { SES_REGION: 'us-west-2' } } });
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [] });
    const { ctx, path } = withPath(`    lambda:
      function: charter-campaign-sender
      region: us-east-1
      region_env: SES_REGION
`);

    const facts = await collectRolePermission(ctx, path);

    expect(facts).toMatchObject({ ok: true, role: ROLE, setup: { region: 'us-west-2' } });
    const asked = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);
    expect(asked).toEqual([
      {
        PolicySourceArn: ROLE,
        ActionNames: ['ses:SendEmail', 'ses:SendRawEmail'],
        ResourceArns: ['arn:aws:ses:us-west-2:111122223333:identity/example.com'],
        ContextEntries: [
          {
            ContextKeyName: 'aws:RequestedRegion',
            ContextKeyValues: ['us-west-2'],
            ContextKeyType: 'string',
          },
          {
            ContextKeyName: 'ses:FromAddress',
            ContextKeyValues: ['admin@example.com'],
            ContextKeyType: 'string',
          },
        ],
      },
      expect.objectContaining({
        ResourceArns: ['arn:aws:ses:us-west-2:111122223333:identity/admin@example.com'],
      }),
    ]);
  });

  it('passes when a subdomain From is simulated on the declared parent identity', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [] });
    const { ctx, path } = withPath(
      `    region: us-east-1\n    role_arn: ${ROLE}\n`,
      'news@news.example.com',
    );

    const facts = await collectRolePermission(ctx, path);

    expect(facts.ok && facts.simulations.map((s) => s.arn)).toEqual([
      'arn:aws:ses:us-east-1:111122223333:identity/example.com',
      'arn:aws:ses:us-east-1:111122223333:identity/news@news.example.com',
    ]);
    expect(lambda.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(0);
  });

  it('fails when the path has neither a Lambda nor role_arn', async () => {
    const { ctx, path } = withPath('    region: us-east-1\n');

    const facts = await collectRolePermission(ctx, path);

    expect(facts).toEqual({
      ok: false,
      reason: 'bulk-sender names neither a Lambda nor role_arn',
    });
  });

  it('fails when SimulatePrincipalPolicy is denied, keeping the permission it needs', async () => {
    iam
      .on(SimulatePrincipalPolicyCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied' }));
    const { ctx, path } = withPath(`    region: us-east-1\n    role_arn: ${ROLE}\n`);

    const facts = await collectRolePermission(ctx, path);

    expect(facts.ok && facts.simulations[0].result).toEqual({
      ok: false,
      kind: 'access-denied',
      errorName: 'AccessDenied',
      message: 'not authorized',
      permission: 'iam:SimulatePrincipalPolicy',
    });
  });
});
