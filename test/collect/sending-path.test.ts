import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addressOf,
  collectPathIdentity,
  identityDomainFor,
  sendingSetup,
  type LambdaFacts,
} from '../../src/collect/sending-path.js';
import { testContext } from '../support/audit-context.js';

const lambda = mockClient(LambdaClient);
const ses = mockClient(SESv2Client);
afterEach(() => {
  lambda.reset();
  ses.reset();
});

/** Expectations with one ses-api path; `lines` are the path's lambda/region lines. */
function withPath(lines: string) {
  return testContext({
    yaml: `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
${lines}    from: admin@example.com
`,
  });
}
const LAMBDA = `    lambda:
      function: charter-campaign-sender
      region: us-east-1
      region_env: SES_REGION
      from_env: FROM_ADDRESS
`;
const configured = (Variables: Record<string, string>): LambdaFacts => ({
  ok: true,
  value: { Environment: { Variables } },
});

describe('sendingSetup', () => {
  it('passes when the Lambda variables give the region and the From address', () => {
    const path = withPath(LAMBDA).loaded.expectations.sending_paths[0];

    const setup = sendingSetup(
      path,
      configured({ SES_REGION: 'us-west-2', FROM_ADDRESS: 'Charter <Admin@Example.com>' }),
    );

    expect(setup).toEqual({
      ok: true,
      region: 'us-west-2',
      regionSource: 'SES_REGION=us-west-2 in Lambda charter-campaign-sender',
      from: 'admin@example.com',
      fromSource: 'FROM_ADDRESS=Charter <Admin@Example.com> in Lambda charter-campaign-sender',
    });
  });

  it('passes when an unset region variable leaves the function region, not the declared one', () => {
    const path = withPath(`    region: us-west-2\n${LAMBDA}`).loaded.expectations.sending_paths[0];

    const setup = sendingSetup(path, configured({}));

    expect(setup).toEqual({
      ok: true,
      region: 'us-east-1',
      regionSource: 'SES_REGION unset, so the region of Lambda charter-campaign-sender',
      from: 'admin@example.com',
      fromSource: 'declared from',
    });
  });

  it('passes when no region variable is named: the declared region, else the function one', () => {
    const bare = `    lambda:\n      function: charter-campaign-sender\n      region: us-east-1\n`;
    const declared = withPath(`    region: us-west-2\n${bare}`).loaded.expectations;
    const undeclared = withPath(bare).loaded.expectations;

    expect(sendingSetup(declared.sending_paths[0], configured({}))).toMatchObject({
      region: 'us-west-2',
      regionSource: 'declared region',
    });
    expect(sendingSetup(undeclared.sending_paths[0], configured({}))).toMatchObject({
      region: 'us-east-1',
      regionSource: 'the region of Lambda charter-campaign-sender',
    });
  });

  it('fails when the region variable is not an SES region or the function cannot be read', () => {
    const path = withPath(LAMBDA).loaded.expectations.sending_paths[0];
    const denied: LambdaFacts = {
      ok: false,
      kind: 'access-denied',
      errorName: 'AccessDeniedException',
      message: 'no',
      permission: 'lambda:GetFunctionConfiguration',
    };

    expect(sendingSetup(path, configured({ SES_REGION: 'us-wset-2' }))).toEqual({
      ok: false,
      reason: 'SES_REGION=us-wset-2 in Lambda charter-campaign-sender is not an SES region',
    });
    expect(sendingSetup(path, denied)).toEqual({
      ok: false,
      reason:
        'Lambda charter-campaign-sender could not be read: access denied (the audit role needs lambda:GetFunctionConfiguration)',
    });
  });

  it('fails when an ses-api path declares neither region nor Lambda', () => {
    const path = withPath('').loaded.expectations.sending_paths[0];

    expect(sendingSetup(path, null)).toEqual({
      ok: false,
      reason: 'bulk-sender declares neither region nor lambda',
    });
  });
});

describe('addressOf', () => {
  it('passes when a display name and angle brackets are taken off', () => {
    expect(addressOf('"Charter, Desk" <Admin@Example.com>')).toBe('admin@example.com');
    expect(addressOf(' admin@example.com ')).toBe('admin@example.com');
  });
});

describe('identityDomainFor', () => {
  it('passes when a subdomain sends as the closest declared parent identity', () => {
    const { expectations } = withPath('    region: us-east-1\n').loaded;

    expect(identityDomainFor(expectations, 'news.example.com')).toBe('example.com');
    expect(identityDomainFor(expectations, 'example.com')).toBe('example.com');
    expect(identityDomainFor(expectations, 'badexample.com')).toBe('badexample.com');
  });
});

describe('collectPathIdentity', () => {
  it('passes when the identity is read once, in the region the Lambda sends through', async () => {
    lambda
      .on(GetFunctionConfigurationCommand, { FunctionName: 'charter-campaign-sender' })
      .resolves({ Environment: { Variables: { SES_REGION: 'us-west-2' } } });
    ses.on(GetEmailIdentityCommand).resolves({ VerificationStatus: 'SUCCESS' });
    const ctx = withPath(LAMBDA);
    const path = ctx.loaded.expectations.sending_paths[0];

    const first = await collectPathIdentity(ctx, path);
    await collectPathIdentity(ctx, path);

    expect(first).toMatchObject({
      setup: { ok: true, region: 'us-west-2' },
      identityDomain: 'example.com',
      identity: { ok: true, value: { VerificationStatus: 'SUCCESS' } },
    });
    expect(lambda.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(1);
    const asked = ses.commandCalls(GetEmailIdentityCommand);
    expect(asked.map((call) => call.args[0].input)).toEqual([{ EmailIdentity: 'example.com' }]);
    expect(await ses.commandCalls(GetEmailIdentityCommand)[0].thisValue.config.region()).toBe(
      'us-west-2',
    );
  });
});
