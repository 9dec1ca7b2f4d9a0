import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import check, { type SandboxFacts } from '../../../checks/sending-path/path.sandbox-recipients.js';
import { createAwsGateway } from '../../../src/aws/gateway.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { testContext } from '../../support/audit-context.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

const now = () => new Date('2026-11-30T09:00:00Z');
const YAML = `source: live
domains:
  - domain: example.com
    regions: [us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
    region: us-west-2
    from: admin@example.com
    sends_to: [example.net, example.org]
`;
const fast = () =>
  createAwsGateway({
    sleep: async () => {},
    limits: { sesv2: { perSecond: 10_000, concurrency: 1 } },
  });
const ctx = () => testContext({ yaml: YAML, aws: fast() });
const subject = (context = ctx()): SubjectOf<'path'> => ({
  scope: 'path',
  sendingPath: context.loaded.expectations.sending_paths[0],
  path: ['sending_paths', 0],
});
const setup = {
  ok: true as const,
  region: 'us-west-2',
  regionSource: 'declared region',
  from: 'admin@example.com',
  fromSource: 'declared from',
};
const sandbox = (recipients: SandboxFacts['recipients']): SandboxFacts => ({
  setup,
  account: { ok: true, value: { ProductionAccessEnabled: false } },
  recipients,
});

describe('path.sandbox-recipients', () => {
  it('passes when the sending region has production access', () => {
    const facts: SandboxFacts = {
      setup,
      account: { ok: true, value: { ProductionAccessEnabled: true } },
    };

    const outcome = check.evaluate(subject(), facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message: 'bulk-sender sends through us-west-2, which has production access',
      found: 'ProductionAccessEnabled true',
    });
  });

  it('warns when the sandboxed region mails only verified recipient domains', () => {
    const facts = sandbox([
      { domain: 'example.net', verified: { ok: true, value: true } },
      { domain: 'example.org', verified: { ok: true, value: true } },
    ]);

    const outcome = check.evaluate(subject(), facts, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'bulk-sender sends through us-west-2, which is in the sandbox: only its verified recipients receive mail',
      found: 'ProductionAccessEnabled false',
    });
  });

  it('fails when the sandboxed region mails unverified recipient domains', async () => {
    ses.on(GetAccountCommand).resolves({ ProductionAccessEnabled: false });
    ses
      .on(GetEmailIdentityCommand, { EmailIdentity: 'example.net' })
      .resolves({ VerificationStatus: 'PENDING' })
      .on(GetEmailIdentityCommand, { EmailIdentity: 'example.org' })
      .rejects(Object.assign(new Error('not found'), { name: 'NotFoundException' }));
    const context = ctx();

    const facts = await check.collect(subject(context), context);
    const outcome = check.evaluate(subject(context), facts, context);

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'bulk-sender sends through us-west-2, which is in the sandbox, to unverified example.net, example.org',
      expected: 'production access, or only verified recipients',
      found: 'ProductionAccessEnabled false',
    });
  });

  it('is inconclusive when a recipient identity cannot be read in the sandbox', () => {
    const facts = sandbox([
      { domain: 'example.net', verified: { ok: true, value: true } },
      {
        domain: 'example.org',
        verified: {
          ok: false,
          kind: 'throttled',
          errorName: 'TooManyRequestsException',
          message: 'slow down',
          permission: 'ses:GetEmailIdentity',
        },
      },
    ]);

    const outcome = check.evaluate(subject(), facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'Recipient identity example.org in us-west-2 could not be read: throttled by AWS after retries (ses:GetEmailIdentity)',
    });
  });

  it('is inconclusive when the account of the sending region is denied', async () => {
    ses
      .on(GetAccountCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const context = ctx();

    const facts = await check.collect(subject(context), context);
    const outcome = check.evaluate(subject(context), facts, context);

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'SES account in us-west-2 could not be read: access denied (the audit role needs ses:GetAccount)',
    });
    expect(ses.commandCalls(GetEmailIdentityCommand)).toHaveLength(0);
  });

  it('is inconclusive, never a pass, when the answer gives ProductionAccessEnabled as a string', async () => {
    ses.on(GetAccountCommand).resolves({ ProductionAccessEnabled: 'false' as never });
    const context = ctx();

    const facts = await check.collect(subject(context), context);
    const outcome = check.evaluate(subject(context), facts, context);

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'GetAccount answer in us-west-2 has ProductionAccessEnabled "false" (a string), not true or false',
    });
    expect(ses.commandCalls(GetEmailIdentityCommand)).toHaveLength(0);
  });
});
