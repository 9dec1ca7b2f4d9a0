import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check from '../../../checks/sending-path/lambda.sending-region.js';
import type { LambdaFacts } from '../../../src/collect/sending-path.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { testContext } from '../../support/audit-context.js';

const lambda = mockClient(LambdaClient);
afterEach(() => lambda.reset());

const now = () => new Date('2026-11-30T09:00:00Z');

/** The bulk sender's path, its Lambda in us-east-1, with extra lines for the path. */
function bulkSender(extra = '', lambdaLines = '      region_env: SES_REGION\n') {
  const yaml = `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
    lambda:
      function: charter-campaign-sender
      region: us-east-1
${lambdaLines}    from: admin@example.com
${extra}`;
  const ctx = testContext({ yaml });
  const subject: SubjectOf<'path'> = {
    scope: 'path',
    sendingPath: ctx.loaded.expectations.sending_paths[0],
    path: ['sending_paths', 0],
  };
  return { ctx, subject };
}
const configured = (Variables: Record<string, string>): LambdaFacts => ({
  ok: true,
  value: { FunctionName: 'charter-campaign-sender', Environment: { Variables } },
});
const LEAD = 'Lambda charter-campaign-sender (us-east-1) of bulk-sender';

describe('lambda.sending-region', () => {
  it('passes when SES_REGION sends through an SES region and none is declared', () => {
    const { subject } = bulkSender();

    const outcome = check.evaluate(subject, configured({ SES_REGION: 'us-west-2' }), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: `${LEAD} sends through SES in us-west-2 (SES_REGION=us-west-2)`,
      found: 'SES_REGION=us-west-2',
    });
  });

  it('fails when SES_REGION sends through another region than the declared one', () => {
    const { subject } = bulkSender('    region: us-east-1\n');

    const outcome = check.evaluate(subject, configured({ SES_REGION: 'us-west-2' }), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: `${LEAD} sends through us-west-2, not the declared us-east-1`,
      expected: 'an SES client in us-east-1',
      found: 'SES_REGION=us-west-2',
    });
  });

  it('fails when SES_REGION is not an SES region', () => {
    const { subject } = bulkSender();

    const outcome = check.evaluate(subject, configured({ SES_REGION: 'us-wset-2' }), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: `${LEAD} is configured for us-wset-2, which is not an SES region`,
      expected: 'an SES region',
      found: 'SES_REGION=us-wset-2',
    });
  });

  it('warns when SES_REGION is unset: the SDK stays in the function region', () => {
    const { subject } = bulkSender();

    const outcome = check.evaluate(subject, configured({}), { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message: `${LEAD} has no SES_REGION, so it sends through its own region us-east-1`,
      expected: 'an SES region',
      found: 'SES_REGION=(unset)',
    });
  });

  it('fails when SES_REGION is unset and the declared region is another one', () => {
    const { subject } = bulkSender('    region: us-west-2\n');

    const outcome = check.evaluate(subject, configured({}), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: `${LEAD} has no SES_REGION, so it sends through us-east-1, not the declared us-west-2`,
      expected: 'an SES client in us-west-2',
      found: 'SES_REGION=(unset)',
    });
  });

  it('warns when no region variable is named and the declared region is not the Lambda one', () => {
    const { subject } = bulkSender('    region: us-west-2\n', '');

    const outcome = check.evaluate(subject, configured({}), { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message: `${LEAD} names no region variable, so its sending region is taken to be the declared us-west-2`,
      expected: 'an SES client in us-west-2',
      found: 'function region us-east-1',
    });
  });

  it('passes when no region variable is named and nothing else is declared', () => {
    const { subject } = bulkSender('', '');

    const outcome = check.evaluate(subject, configured({}), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: `${LEAD} sends through SES in us-east-1`,
      found: 'function region us-east-1',
    });
  });

  it('fails when the function does not exist in its region', async () => {
    lambda
      .on(GetFunctionConfigurationCommand)
      .rejects(
        Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' }),
      );
    const { ctx, subject } = bulkSender();

    const facts = await check.collect(subject, ctx);
    const outcome = check.evaluate(subject, facts, ctx);

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'Lambda charter-campaign-sender of bulk-sender does not exist in us-east-1',
      found: 'GetFunctionConfiguration: ResourceNotFoundException',
    });
  });

  it('is inconclusive when GetFunctionConfiguration is denied, naming the permission', async () => {
    lambda
      .on(GetFunctionConfigurationCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    const { ctx, subject } = bulkSender();

    const facts = await check.collect(subject, ctx);
    const outcome = check.evaluate(subject, facts, ctx);

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: `${LEAD} could not be read: access denied (the audit role needs lambda:GetFunctionConfiguration)`,
    });
  });
});
