import { DECLARE_PASSWORD } from '../../src/collect/smtp-credentials.js';
import {
  isSmtpPath,
  readCredential,
  smtpPathOf,
  unreadable,
} from '../../src/collect/smtp-credentials.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';
import type { SmtpProbe } from '../../src/engine/context.js';
import { smtpEndpoint } from '../../src/ses/regions.js';
import { deriveSmtpPassword } from '../../src/smtp/password.js';
import { createSmtpProbe } from '../../src/smtp/probe.js';
import type { Outcome } from '../../src/types.js';

/** What the live session answered; no credential value is kept in the facts. */
export type ProbeFacts =
  | { kind: 'not-declared'; endpoint: string; missing: string }
  | { kind: 'unreadable'; outcome: Outcome }
  | { kind: 'probed'; endpoint: string; result: Awaited<ReturnType<SmtpProbe>> };

/**
 * Passes when the SES SMTP endpoint of the path's region accepts AUTH with the stored
 * credential. Opt-in per path (`probe`), on by default for live runs, never in a replay or
 * in the live run of a recording.
 */
export default defineCheck({
  meta: {
    id: 'smtp.probe',
    layer: 'smtp-credentials',
    severity: 'critical',
    group: 'SMTP credential',
    title: 'SES SMTP endpoint accepts the credential',
    remediation:
      'Regenerate the SMTP credential for the IAM user and the path region, and update every client and store that holds it.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
  },
  scope: 'path',
  appliesTo: (subject, ctx) =>
    isSmtpPath(subject.sendingPath) &&
    !ctx.replay &&
    ctx.probeSmtp !== false &&
    subject.sendingPath.probe !== false,
  async collect(subject, ctx): Promise<ProbeFacts> {
    const path = smtpPathOf(subject);
    const [username, password, secret] = await Promise.all([
      readCredential(ctx, path, 'username'),
      readCredential(ctx, path, 'password'),
      readCredential(ctx, path, 'secret_access_key'),
    ]);
    // Without a stored password, the one derived from a stored secret key is tried.
    const credential = password ?? secret;
    const host = smtpEndpoint(path.region);
    const endpoint = `${host}:${path.port}`;
    if (!username || !credential) {
      const missing = [!username && 'no username', !credential && 'no password or secret key'];
      return { kind: 'not-declared', endpoint, missing: missing.filter(Boolean).join(' and ') };
    }
    if (!username.ok) {
      return {
        kind: 'unreadable',
        outcome: inconclusive(unreadable('username', path.name, username)),
      };
    }
    if (!credential.ok) {
      const part = password ? 'password' : 'secret access key';
      return { kind: 'unreadable', outcome: inconclusive(unreadable(part, path.name, credential)) };
    }

    const probe = ctx.smtpProbe ?? createSmtpProbe();
    const result = await probe({
      host,
      port: path.port,
      username: username.value,
      password: password ? credential.value : deriveSmtpPassword(credential.value, path.region),
    });
    return { kind: 'probed', endpoint, result };
  },
  evaluate(subject, facts: ProbeFacts) {
    const { name } = smtpPathOf(subject);
    if (facts.kind === 'not-declared') {
      return warn(
        `${facts.endpoint} was not probed for ${name}: the expectations declare ${facts.missing}`,
        { found: `${facts.missing} declared`, fix: DECLARE_PASSWORD },
      );
    }
    if (facts.kind === 'unreadable') return facts.outcome;

    const { endpoint, result } = facts;
    const found = result.response;
    switch (result.status) {
      case 'accepted':
        return pass(`${endpoint} accepted the SMTP credential of ${name} (AUTH, then QUIT)`, {
          found,
        });
      case 'rejected':
        return fail(`${endpoint} refused the SMTP credential of ${name}: ${result.response}`, {
          expected: '235 authentication accepted',
          found,
        });
      case 'unreachable':
        return inconclusive(`${endpoint} could not be probed for ${name}: ${result.response}`, {
          found,
        });
    }
  },
});
