import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check, {
  type ProductionAccessFacts,
} from '../../../checks/ses-account/account.production-access.js';
import { createAwsGateway } from '../../../src/aws/gateway.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import type { RegionExpectation } from '../../../src/config/schema.js';
import { testContext } from '../../support/audit-context.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

/** No waiting: a no-op backoff and a pace the test never reaches. */
const fast = () =>
  createAwsGateway({
    sleep: async () => {},
    limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
  });

const now = () => new Date('2026-11-30T09:00:00Z');
const subject = (production_access?: boolean) =>
  ({
    scope: 'region',
    region: 'us-west-2',
    expectation: {
      production_access,
      sending_enabled: true,
      quota_headroom_percent: 20,
    } as RegionExpectation,
    path: [],
  }) satisfies SubjectOf<'region'>;
const facts = (
  production: boolean,
  extra: Pick<ProductionAccessFacts, 'recipients'> = {},
): ProductionAccessFacts => ({
  account: {
    ok: true as const,
    value: {
      ProductionAccessEnabled: production,
      Details: { ReviewDetails: { Status: production ? 'GRANTED' : 'PENDING' } },
    },
  },
  ...extra,
});

const PATHS = `source: live
domains:
  - domain: example.com
    regions: [us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
    region: us-west-2
    from: admin@example.com
    sends_to: [example.net, example.org]
  - name: gmail-alias
    kind: smtp
    region: us-east-1
    from: admin@example.com
    iam_user: ses-smtp
    credential: {}
    sends_to: [example.info]
`;

describe('account.production-access', () => {
  it('passes when production access is declared and granted', () => {
    const outcome = check.evaluate(subject(true), facts(true), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'SES account in us-west-2 has production access',
      found: 'ProductionAccessEnabled true, review GRANTED',
    });
  });

  it('fails when production access is declared and the region is in the sandbox', () => {
    const outcome = check.evaluate(subject(true), facts(false), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message: 'SES account in us-west-2 is in the sandbox, though production access is declared',
      expected: 'ProductionAccessEnabled true',
      found: 'ProductionAccessEnabled false, review PENDING',
    });
  });

  it('passes when the sandbox is declared', () => {
    const outcome = check.evaluate(subject(false), facts(false), { now });

    expect(outcome).toMatchObject({
      outcome: 'pass',
      message: 'SES account in us-west-2 is in the sandbox, as declared',
    });
  });

  it('warns when the sandbox is declared but production access was granted', () => {
    const outcome = check.evaluate(subject(false), facts(true), { now });

    expect(outcome).toMatchObject({
      outcome: 'warn',
      message:
        'SES account in us-west-2 has production access, though the expectation declares the sandbox',
    });
  });

  it('warns when an undeclared sandbox mails only verified identities', () => {
    const recipients = [{ domain: 'example.net', verified: true, via: ['bulk-sender'] }];

    const outcome = check.evaluate(subject(), facts(false, { recipients }), { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'SES account in us-west-2 is in the sandbox (verified recipients only, a small daily quota), though its sending paths mail only verified identities',
      found: 'ProductionAccessEnabled false, review PENDING',
    });
  });

  it('is inconclusive when a recipient identity cannot be read in an undeclared sandbox', () => {
    const recipients = [
      { domain: 'example.net', unknown: 'access denied (x)', via: ['bulk-sender'] },
    ];

    const outcome = check.evaluate(subject(), facts(false, { recipients }), { now });

    expect(outcome).toMatchObject({
      outcome: 'inconclusive',
      message:
        'SES account in us-west-2 is in the sandbox and whether example.net is a verified identity there could not be read: access denied (x)',
    });
  });

  it('fails when an undeclared sandbox region mails unverified recipient domains', async () => {
    ses.on(GetAccountCommand).resolves({ ProductionAccessEnabled: false });
    ses
      .on(GetEmailIdentityCommand, { EmailIdentity: 'example.net' })
      .resolves({ VerificationStatus: 'SUCCESS', VerifiedForSendingStatus: true })
      .on(GetEmailIdentityCommand, { EmailIdentity: 'example.org' })
      .rejects(Object.assign(new Error('not found'), { name: 'NotFoundException' }));
    const ctx = testContext({ yaml: PATHS, aws: fast() });
    const region = { scope: 'region', region: 'us-west-2', expectation: undefined, path: [] };

    const collected = await check.collect(region as never, ctx);
    const outcome = check.evaluate(region as never, collected, ctx);

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'SES account in us-west-2 is in the sandbox, so SES rejects mail to recipient domains that are not verified identities there: example.org (bulk-sender)',
      expected: 'ProductionAccessEnabled true, or only verified recipients',
      found: 'ProductionAccessEnabled false',
    });
    const asked = ses.commandCalls(GetEmailIdentityCommand).map((c) => c.args[0].input);
    expect(asked).toEqual([{ EmailIdentity: 'example.net' }, { EmailIdentity: 'example.org' }]);
  });

  it('passes without asking about recipients when production access is granted', async () => {
    ses.on(GetAccountCommand).resolves({ ProductionAccessEnabled: true });
    const ctx = testContext({ yaml: PATHS, aws: fast() });
    const region = { scope: 'region', region: 'us-west-2', expectation: undefined, path: [] };

    const collected = await check.collect(region as never, ctx);

    expect(collected).toEqual({ account: { ok: true, value: { ProductionAccessEnabled: true } } });
    expect(ses.commandCalls(GetEmailIdentityCommand)).toHaveLength(0);
  });

  it('is inconclusive when GetAccount answers without ProductionAccessEnabled', () => {
    const outcome = check.evaluate(subject(), { account: { ok: true, value: {} } }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: 'SES account in us-west-2 answered GetAccount without ProductionAccessEnabled',
    });
  });

  it('is inconclusive when ProductionAccessEnabled is recorded as a string', () => {
    const account = { ok: true as const, value: { ProductionAccessEnabled: 'false' } as never };

    const outcome = check.evaluate(subject(), { account }, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetAccount answer in us-west-2 has ProductionAccessEnabled "false" (a string), not true or false',
    });
  });
});
