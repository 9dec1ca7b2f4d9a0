import type { GetEmailIdentityResponse } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import check from '../../../checks/recipient/recipient.dmarc-predicted.js';
import type { PredictionFacts } from '../../../src/collect/prediction.js';
import { parseDmarcRecord } from '../../../src/dmarc/record.js';
import type { SubjectOf } from '../../../src/engine/check.js';
import { testContext } from '../../support/audit-context.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const ctx = testContext({
  yaml: `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
sending_paths:
  - name: bulk-sender
    kind: ses-api
    region: us-west-2
    from: admin@example.com
    sends_to: [example.net]
recipients:
  - domain: example.net
    provider: exchange-online
`,
});
const subject = (
  requires: 'dmarc-pass' | 'dkim-aligned' = 'dmarc-pass',
): SubjectOf<'path-recipient'> => ({
  scope: 'path-recipient',
  sendingPath: ctx.loaded.expectations.sending_paths[0],
  recipient: { ...ctx.loaded.expectations.recipients[0], requires },
  path: ['sending_paths', 0, 'sends_to', 0],
});

const HEALTHY: GetEmailIdentityResponse = {
  VerificationStatus: 'SUCCESS',
  VerifiedForSendingStatus: true,
  DkimAttributes: { Status: 'SUCCESS', SigningEnabled: true },
  MailFromAttributes: {
    MailFromDomain: 'mail.example.com',
    MailFromDomainStatus: 'SUCCESS',
    BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
  },
};
/** The charter incident in us-west-2: DKIM never verified, MAIL FROM failed. */
const BROKEN: GetEmailIdentityResponse = {
  ...HEALTHY,
  DkimAttributes: { Status: 'PENDING', SigningEnabled: true },
  MailFromAttributes: {
    MailFromDomain: 'mail.example.com',
    MailFromDomainStatus: 'FAILED',
    BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
  },
};

function facts(
  identity: GetEmailIdentityResponse,
  record = 'v=DMARC1; p=reject',
  change: Partial<PredictionFacts> = {},
): PredictionFacts {
  return {
    setup: {
      ok: true,
      region: 'us-west-2',
      regionSource: 'declared region',
      from: 'admin@example.com',
      fromSource: 'declared from',
    },
    identityDomain: 'example.com',
    identity: { ok: true, value: identity },
    dmarc: {
      status: 'found',
      name: '_dmarc.example.com',
      atOrganization: false,
      text: record,
      parsed: parseDmarcRecord(record),
    },
    spf: identity.MailFromAttributes?.MailFromDomainStatus === 'SUCCESS' ? 'pass' : undefined,
    ...change,
  };
}

describe('recipient.dmarc-predicted', () => {
  it('passes when SES signs with the From domain and the MAIL FROM aligns', () => {
    const outcome = check.evaluate(subject(), facts(HEALTHY), { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'bulk-sender → example.net: DMARC is predicted to pass for admin@example.com via us-west-2 (aligned DKIM d=example.com)',
      expected: 'dmarc-pass',
      found: [
        'region     us-west-2',
        'MAIL FROM  mail.example.com',
        'SPF        pass, aligned',
        'DKIM       d=example.com, d=amazonses.com: aligned',
        'DMARC      pass; p=reject pct=100',
        'receiver   deliver (DMARC pass)',
      ].join('\n'),
      prediction: {
        path: 'bulk-sender',
        recipient: 'example.net',
        region: 'us-west-2',
        from: 'admin@example.com',
        envelope: { domain: 'mail.example.com', fallback: null },
        spf: { result: 'pass', aligned: true },
        dkim: {
          signatures: ['example.com', 'amazonses.com'],
          aligned: 'example.com',
          missing: null,
        },
        dmarc: 'pass',
        policy: { tag: 'p', policy: 'reject', pct: 100 },
        receiver: 'deliver (DMARC pass)',
      },
    });
  });

  it('fails when DKIM is PENDING and the MAIL FROM falls back, with the reason chain', () => {
    const outcome = check.evaluate(subject(), facts(BROKEN), { now });

    expect(outcome).toMatchObject({
      outcome: 'fail',
      message:
        'bulk-sender → example.net: DMARC is predicted to fail for admin@example.com via us-west-2 (no aligned DKIM: DKIM is PENDING in us-west-2; MAIL FROM falls back to us-west-2.amazonses.com (custom MAIL FROM mail.example.com is FAILED in us-west-2)), so example.net will reject (550 5.7.509 at Exchange Online) under p=reject',
      expected: 'dmarc-pass',
      found: [
        'region     us-west-2',
        'MAIL FROM  us-west-2.amazonses.com (fallback: custom MAIL FROM mail.example.com is FAILED in us-west-2)',
        'SPF        not evaluated, not aligned',
        'DKIM       d=amazonses.com: not aligned; own signature missing: DKIM is PENDING in us-west-2',
        'DMARC      fail; p=reject pct=100',
        'receiver   reject (550 5.7.509 at Exchange Online)',
      ].join('\n'),
    });
  });

  it('fails when a subdomain From falls under the inherited sp and pct', () => {
    const record = 'v=DMARC1; p=reject; sp=quarantine; pct=40';
    const inherited = facts(BROKEN, record, {
      setup: {
        ok: true,
        region: 'us-west-2',
        regionSource: 'declared region',
        from: 'news@news.example.com',
        fromSource: 'declared from',
      },
    });
    inherited.dmarc = { ...inherited.dmarc!, atOrganization: true } as PredictionFacts['dmarc'];

    const outcome = check.evaluate(subject(), inherited, { now });

    expect(outcome).toMatchObject({
      outcome: 'fail',
      message:
        'bulk-sender → example.net: DMARC is predicted to fail for news@news.example.com via us-west-2 (no aligned DKIM: DKIM is PENDING in us-west-2; MAIL FROM falls back to us-west-2.amazonses.com (custom MAIL FROM mail.example.com is FAILED in us-west-2)), so example.net will quarantine (Junk Email or quarantine at Exchange Online) for 40% of messages, deliver for the rest under sp=quarantine',
    });
  });

  it('fails when the recipient requires aligned DKIM and only SPF aligns', () => {
    const spfOnly: GetEmailIdentityResponse = {
      ...HEALTHY,
      DkimAttributes: { Status: 'SUCCESS', SigningEnabled: false },
    };

    const outcome = check.evaluate(subject('dkim-aligned'), facts(spfOnly), { now });

    expect(outcome).toMatchObject({
      outcome: 'fail',
      message:
        'bulk-sender → example.net: mail from admin@example.com via us-west-2 passes DMARC by SPF only (no aligned DKIM: DKIM signing is disabled in us-west-2), but example.net requires aligned DKIM',
      expected: 'dkim-aligned',
    });
  });

  it('fails when SES refuses the send under REJECT_MESSAGE', () => {
    const refusing: GetEmailIdentityResponse = {
      ...HEALTHY,
      MailFromAttributes: {
        MailFromDomain: 'mail.example.com',
        MailFromDomainStatus: 'FAILED',
        BehaviorOnMxFailure: 'REJECT_MESSAGE',
      },
    };

    const outcome = check.evaluate(subject(), facts(refusing), { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'bulk-sender → example.net: SES refuses mail from admin@example.com in us-west-2 (custom MAIL FROM mail.example.com is FAILED in us-west-2 and BehaviorOnMxFailure is REJECT_MESSAGE), so nothing reaches example.net',
    });
  });

  it('fails when the From domain is not a verified identity in the sending region', () => {
    const missing = facts(HEALTHY, undefined, {
      identity: {
        ok: false,
        kind: 'not-found',
        errorName: 'NotFoundException',
        message: 'no',
        permission: 'ses:GetEmailIdentity',
      },
    });

    const outcome = check.evaluate(subject(), missing, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'bulk-sender → example.net: SES refuses mail from admin@example.com in us-west-2, where example.com is not a verified identity',
    });
  });

  it('fails when the From domain has no DMARC record', () => {
    const absent = facts(HEALTHY, undefined, {
      dmarc: {
        status: 'absent',
        names: ['_dmarc.example.com'],
        found: '_dmarc.example.com: NXDOMAIN',
      },
    });

    const outcome = check.evaluate(subject(), absent, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'bulk-sender → example.net: example.com has no usable DMARC record, so mail from admin@example.com cannot pass DMARC',
      expected: 'dmarc-pass',
    });
  });

  it('is inconclusive when the DMARC record cannot be read', () => {
    const undecided = facts(HEALTHY, undefined, {
      dmarc: { status: 'undecided', name: '_dmarc.example.com', found: 'DNS timeout' },
    });

    const outcome = check.evaluate(subject(), undecided, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'bulk-sender → example.net: the DMARC record of example.com could not be read (DNS timeout)',
    });
  });

  it('is inconclusive when the identity cannot be read in the sending region', () => {
    const denied = facts(HEALTHY, undefined, {
      identity: {
        ok: false,
        kind: 'access-denied',
        errorName: 'AccessDeniedException',
        message: 'no',
        permission: 'ses:GetEmailIdentity',
      },
    });

    const outcome = check.evaluate(subject(), denied, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'bulk-sender → example.net: SES identity example.com in us-west-2 could not be read: access denied (the audit role needs ses:GetEmailIdentity)',
    });
  });
});
