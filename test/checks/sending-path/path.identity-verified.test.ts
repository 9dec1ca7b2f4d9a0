import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check from '../../../checks/sending-path/path.identity-verified.js';
import type { PathIdentityFacts } from '../../../src/collect/sending-path.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { testContext } from '../../support/audit-context.js';

const lambda = mockClient(LambdaClient);
const ses = mockClient(SESv2Client);
afterEach(() => {
  lambda.reset();
  ses.reset();
});

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
    from: admin@example.com
`;
const subject = (ctx = testContext({ yaml: YAML })): SubjectOf<'path'> => ({
  scope: 'path',
  sendingPath: ctx.loaded.expectations.sending_paths[0],
  path: ['sending_paths', 0],
});
const setup = {
  ok: true as const,
  region: 'us-west-2',
  regionSource: 'SES_REGION=us-west-2 in Lambda charter-campaign-sender',
  from: 'admin@example.com',
  fromSource: 'declared from',
};
const facts = (identity: PathIdentityFacts['identity']): PathIdentityFacts => ({
  setup,
  identityDomain: 'example.com',
  identity,
});
const WHERE = 'us-west-2 (SES_REGION=us-west-2 in Lambda charter-campaign-sender)';

describe('path.identity-verified', () => {
  it('passes when the From domain is verified for sending in the sending region', () => {
    const identity = {
      ok: true as const,
      value: { VerificationStatus: 'SUCCESS' as const, VerifiedForSendingStatus: true },
    };

    const outcome = check.evaluate(subject(), facts(identity), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: `bulk-sender sends through ${WHERE}, where example.com is verified`,
      found: 'VerificationStatus SUCCESS, VerifiedForSendingStatus true',
    });
  });

  it('fails when the identity is PENDING in the sending region', () => {
    const identity = {
      ok: true as const,
      value: { VerificationStatus: 'PENDING' as const, VerifiedForSendingStatus: false },
    };

    const outcome = check.evaluate(subject(), facts(identity), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: `bulk-sender sends through ${WHERE}, where example.com is not verified (PENDING)`,
      expected: 'a verified identity example.com in us-west-2',
      found: 'VerificationStatus PENDING, VerifiedForSendingStatus false',
    });
  });

  it('fails when the Lambda is configured for a region where the identity does not exist', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves({
      Environment: { Variables: { SES_REGION: 'eu-west-1' } },
    });
    ses
      .on(GetEmailIdentityCommand)
      .rejects(Object.assign(new Error('not found'), { name: 'NotFoundException' }));
    const ctx = testContext({ yaml: YAML });

    const collected = await check.collect(subject(ctx), ctx);
    const outcome = check.evaluate(subject(ctx), collected, ctx);

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'bulk-sender sends through eu-west-1 (SES_REGION=eu-west-1 in Lambda charter-campaign-sender), where example.com is not an SES identity',
      expected: 'a verified identity example.com in eu-west-1',
      found: 'GetEmailIdentity: NotFoundException',
    });
    expect(ses.commandCalls(GetEmailIdentityCommand).map((c) => c.args[0].input)).toEqual([
      { EmailIdentity: 'example.com' },
    ]);
  });

  it('is inconclusive when the identity cannot be read in the sending region', () => {
    const identity = {
      ok: false as const,
      kind: 'access-denied' as const,
      errorName: 'AccessDeniedException',
      message: 'no',
      permission: 'ses:GetEmailIdentity',
    };

    const outcome = check.evaluate(subject(), facts(identity), { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'SES identity example.com in us-west-2 could not be read: access denied (the audit role needs ses:GetEmailIdentity)',
    });
  });

  it('is inconclusive when the sending region is unknown', () => {
    const unknown = { setup: { ok: false as const, reason: 'Lambda x could not be read: y' } };

    const outcome = check.evaluate(subject(), unknown, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: 'Sending region of bulk-sender is unknown: Lambda x could not be read: y',
    });
  });

  it('is inconclusive, never a pass, when VerifiedForSendingStatus is the string "true"', () => {
    const identity = {
      ok: true as const,
      value: { VerificationStatus: 'SUCCESS' as const, VerifiedForSendingStatus: 'true' as never },
    };

    const outcome = check.evaluate(subject(), facts(identity), { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetEmailIdentity answer for example.com in us-west-2 has VerifiedForSendingStatus "true" (a string), not true or false',
    });
  });
});
