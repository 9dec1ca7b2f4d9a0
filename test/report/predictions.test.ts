import { beforeAll, describe, expect, it } from 'vitest';
import { audit, type AuditRun } from '../../src/engine/audit.js';
import { jsonReport } from '../../src/report/json.js';
import { formatPredictions, predictionsOf } from '../../src/report/predictions.js';

/**
 * The bundled charter incident, replayed in-process: the prediction table the CLI prints
 * and the JSON report's `predictions`, and the path, IAM and recipient layers it rests on.
 */
const FAST = {
  gateway: { sleep: async () => {}, limits: { sesv2: { perSecond: 10_000, concurrency: 4 } } },
};

let run: AuditRun;
beforeAll(async () => {
  run = await audit('fixtures/charter-incident/expectations.yaml', FAST);
});

describe('formatPredictions', () => {
  it('passes when the charter incident prints one table per path, a row per recipient', () => {
    const table = formatPredictions(predictionsOf(run.results));

    expect(table.split('\n')).toEqual([
      '',
      'mailspec DMARC prediction, per sending path and recipient',
      '  gmail-alias: admin@example.com via us-east-1',
      '    recipient    MAIL FROM         SPF            DKIM                                     DMARC  policy                receiver',
      '    example.net  mail.example.com  pass, aligned  d=example.com, d=amazonses.com: aligned  pass   p=quarantine pct=100  deliver (DMARC pass)',
      '  bulk-sender: admin@example.com via us-west-2',
      '    recipient    MAIL FROM                           SPF                         DKIM                          DMARC  policy                receiver',
      '    example.net  us-west-2.amazonses.com (fallback)  not evaluated, not aligned  d=amazonses.com: not aligned  fail   p=quarantine pct=100  quarantine (Junk Email or quarantine at Exchange Online)',
    ]);
  });

  it('passes when no prediction was made: nothing is printed', () => {
    expect(formatPredictions([])).toBe('');
  });
});

describe('jsonReport predictions', () => {
  it('passes when the JSON report carries each prediction as data', () => {
    const report = jsonReport(run.results, run.source);

    expect(report.predictions.map((p) => `${p.path} → ${p.recipient}: ${p.dmarc}`)).toEqual([
      'gmail-alias → example.net: pass',
      'bulk-sender → example.net: fail',
    ]);
    expect(report.predictions[1]).toEqual({
      path: 'bulk-sender',
      recipient: 'example.net',
      region: 'us-west-2',
      from: 'admin@example.com',
      envelope: {
        domain: 'us-west-2.amazonses.com',
        fallback: 'custom MAIL FROM mail.example.com is FAILED in us-west-2',
      },
      spf: { result: 'not evaluated', aligned: false },
      dkim: {
        signatures: ['amazonses.com'],
        aligned: null,
        missing: 'DKIM is FAILED in us-west-2',
      },
      dmarc: 'fail',
      policy: { tag: 'p', policy: 'quarantine', pct: 100 },
      receiver: 'quarantine (Junk Email or quarantine at Exchange Online)',
    });
  });
});

describe('charter-incident sending-path, iam and recipient layers', () => {
  it('fails when bulk-sender mails example.net, and only then, naming each sending region', () => {
    const layers = run.results
      .filter((r) => ['sending-path', 'iam', 'recipient'].includes(r.layer))
      .map((r) => [r.subject, r.region ?? '', r.check, r.outcome, r.message]);

    expect(layers).toEqual([
      [
        'gmail-alias',
        'us-east-1',
        'iam.smtp-user-can-send',
        'pass',
        'IAM user ses-smtp-gmail-alias may call ses:SendRawEmail on SES identity admin@example.com in us-east-1',
      ],
      [
        'gmail-alias',
        'us-east-1',
        'iam.smtp-user-can-send',
        'pass',
        'IAM user ses-smtp-gmail-alias may call ses:SendRawEmail on SES identity example.com in us-east-1',
      ],
      [
        'gmail-alias',
        'us-east-1',
        'path.identity-verified',
        'pass',
        'gmail-alias sends through us-east-1 (declared region), where example.com is verified',
      ],
      [
        'gmail-alias',
        'us-east-1',
        'path.mail-from-behavior',
        'pass',
        'gmail-alias sends in us-east-1 with envelope sender domain mail.example.com',
      ],
      [
        'gmail-alias',
        'us-east-1',
        'path.sandbox-recipients',
        'pass',
        'gmail-alias sends through us-east-1, which has production access',
      ],
      [
        'bulk-sender',
        'us-east-1',
        'iam.role-can-send',
        'pass',
        'IAM role charter-campaign-sender-role may call ses:SendRawEmail on SES identity example.com in us-west-2',
      ],
      [
        'bulk-sender',
        'us-east-1',
        'iam.role-can-send',
        'pass',
        'IAM role charter-campaign-sender-role may call ses:SendRawEmail on SES identity admin@example.com in us-west-2',
      ],
      [
        'bulk-sender',
        'us-east-1',
        'lambda.from-address',
        'pass',
        'Lambda charter-campaign-sender (us-east-1) of bulk-sender sends from admin@example.com',
      ],
      [
        'bulk-sender',
        'us-east-1',
        'lambda.sending-region',
        'pass',
        'Lambda charter-campaign-sender (us-east-1) of bulk-sender sends through SES in us-west-2 (SES_REGION=us-west-2)',
      ],
      [
        'bulk-sender',
        'us-east-1',
        'path.identity-verified',
        'pass',
        'bulk-sender sends through us-west-2 (SES_REGION=us-west-2 in Lambda charter-campaign-sender), where example.com is verified',
      ],
      [
        'bulk-sender',
        'us-east-1',
        'path.mail-from-behavior',
        'pass',
        'bulk-sender sends in us-west-2 with envelope sender domain us-west-2.amazonses.com because custom MAIL FROM mail.example.com is FAILED in us-west-2',
      ],
      [
        'bulk-sender',
        'us-east-1',
        'path.sandbox-recipients',
        'pass',
        'bulk-sender sends through us-west-2, which has production access',
      ],
      [
        'gmail-alias → example.net',
        '',
        'recipient.dmarc-predicted',
        'pass',
        'gmail-alias → example.net: DMARC is predicted to pass for admin@example.com via us-east-1 (aligned DKIM d=example.com)',
      ],
      [
        'bulk-sender → example.net',
        '',
        'recipient.dmarc-predicted',
        'fail',
        'bulk-sender → example.net: DMARC is predicted to fail for admin@example.com via us-west-2 (no aligned DKIM: DKIM is FAILED in us-west-2; MAIL FROM falls back to us-west-2.amazonses.com (custom MAIL FROM mail.example.com is FAILED in us-west-2)), so example.net will quarantine (Junk Email or quarantine at Exchange Online) under p=quarantine',
      ],
      [
        'example.net',
        '',
        'recipient.provider',
        'pass',
        'example.net receives mail at exchange-online (example-net.mail.protection.outlook.com)',
      ],
    ]);
  });
});
