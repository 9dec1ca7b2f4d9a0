import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check from '../../../checks/sending-path/lambda.from-address.js';
import type { LambdaFacts } from '../../../src/collect/sending-path.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { testContext } from '../../support/audit-context.js';

const lambda = mockClient(LambdaClient);
afterEach(() => lambda.reset());

const now = () => new Date('2026-11-30T09:00:00Z');
const YAML = `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
    lambda:
      function: charter-campaign-sender
      region: us-east-1
      region_env: SES_REGION
      from_env: FROM_ADDRESS
    from: admin@example.com
`;
const ctx = testContext({ yaml: YAML });
const subject: SubjectOf<'path'> = {
  scope: 'path',
  sendingPath: ctx.loaded.expectations.sending_paths[0],
  path: ['sending_paths', 0],
};
const configured = (Variables: Record<string, string>): LambdaFacts => ({
  ok: true,
  value: { FunctionName: 'charter-campaign-sender', Environment: { Variables } },
});

describe('lambda.from-address', () => {
  it('passes when FROM_ADDRESS holds the declared From address', () => {
    const outcome = check.evaluate(subject, configured({ FROM_ADDRESS: 'admin@example.com' }), {
      now,
    });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'Lambda charter-campaign-sender (us-east-1) of bulk-sender sends from admin@example.com',
      found: 'FROM_ADDRESS=admin@example.com',
    });
  });

  it('passes when FROM_ADDRESS holds the declared address with a display name', () => {
    const facts = configured({ FROM_ADDRESS: 'Charter Desk <Admin@Example.com>' });

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'Lambda charter-campaign-sender (us-east-1) of bulk-sender sends from admin@example.com',
      found: 'FROM_ADDRESS=Charter Desk <Admin@Example.com>',
    });
  });

  it('fails when FROM_ADDRESS holds another address', () => {
    const facts = configured({ FROM_ADDRESS: 'noreply@example.org' });

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'Lambda charter-campaign-sender (us-east-1) of bulk-sender sends from noreply@example.org, not the declared admin@example.com',
      expected: 'FROM_ADDRESS=admin@example.com',
      found: 'FROM_ADDRESS=noreply@example.org',
    });
  });

  it('fails when FROM_ADDRESS is not set on the function', () => {
    const outcome = check.evaluate(subject, configured({ SES_REGION: 'us-west-2' }), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'Lambda charter-campaign-sender (us-east-1) of bulk-sender has no FROM_ADDRESS, so its From address is unknown',
      expected: 'FROM_ADDRESS=admin@example.com',
      found: 'FROM_ADDRESS=(unset)',
    });
  });

  it('is inconclusive when GetFunctionConfiguration is denied, naming the permission', async () => {
    lambda
      .on(GetFunctionConfigurationCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    const fresh = testContext({ yaml: YAML });

    const facts = await check.collect(subject, fresh);
    const outcome = check.evaluate(subject, facts, fresh);

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'Lambda charter-campaign-sender (us-east-1) of bulk-sender could not be read: access denied (the audit role needs lambda:GetFunctionConfiguration)',
    });
  });

  it('passes when the collected function configuration holds the From address', async () => {
    lambda
      .on(GetFunctionConfigurationCommand, { FunctionName: 'charter-campaign-sender' })
      .resolves({
        FunctionName: 'charter-campaign-sender',
        Environment: { Variables: { FROM_ADDRESS: 'admin@example.com', SECRET: 'never shown' } },
      });
    const fresh = testContext({ yaml: YAML });

    const facts = await check.collect(subject, fresh);
    const outcome = check.evaluate(subject, facts, fresh);

    expect(outcome).toMatchObject({ outcome: 'pass', found: 'FROM_ADDRESS=admin@example.com' });
    expect(lambda.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(1);
  });

  it('passes when it applies only to ses-api paths that name a From variable', () => {
    const smtp = testContext({
      yaml: `${YAML}  - name: relay
    kind: smtp
    region: us-east-1
    from: admin@example.com
    iam_user: ses-smtp
    credential: {}
`,
    });
    const [apiPath, smtpPath] = smtp.loaded.expectations.sending_paths;

    expect(check.appliesTo!({ ...subject, sendingPath: apiPath }, smtp)).toBe(true);
    expect(check.appliesTo!({ ...subject, sendingPath: smtpPath }, smtp)).toBe(false);
  });
});
