import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import check, { type ProbeFacts } from '../../../checks/smtp-credentials/smtp.probe.js';
import { inconclusive } from '../../../src/engine/check.js';
import { deriveSmtpPassword } from '../../../src/smtp/password.js';
import { createSmtpProbe } from '../../../src/smtp/probe.js';
import { smtpContext } from '../../support/smtp-path.js';
import {
  startFakeSesSmtp,
  testCertificate,
  TEST_SECRET,
  type FakeSesSmtp,
} from '../../support/smtp-server.js';

const now = () => new Date('2026-11-30T09:00:00Z');
const { subject, ctx } = smtpContext();
const endpoint = 'email-smtp.us-east-1.amazonaws.com:587';
const probed = (result: Extract<ProbeFacts, { kind: 'probed' }>['result']): ProbeFacts => ({
  kind: 'probed',
  endpoint,
  result,
});

describe('smtp.probe', () => {
  it('passes when the endpoint answers AUTH with 235', () => {
    const facts = probed({ status: 'accepted', response: '235 authentication accepted' });

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'email-smtp.us-east-1.amazonaws.com:587 accepted the SMTP credential of gmail-alias (AUTH, then QUIT)',
      found: '235 authentication accepted',
    });
  });

  it('fails with the server words when the endpoint answers 535', () => {
    const facts = probed({
      status: 'rejected',
      response: '535 Authentication Credentials Invalid',
    });

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'email-smtp.us-east-1.amazonaws.com:587 refused the SMTP credential of gmail-alias: 535 Authentication Credentials Invalid',
      expected: '235 authentication accepted',
      found: '535 Authentication Credentials Invalid',
    });
  });

  it('is inconclusive when the endpoint cannot be reached', () => {
    const facts = probed({ status: 'unreachable', response: 'Greeting never received' });

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message:
        'email-smtp.us-east-1.amazonaws.com:587 could not be probed for gmail-alias: Greeting never received',
      found: 'Greeting never received',
    });
  });

  it('is inconclusive when a declared credential cannot be read', () => {
    const unread = inconclusive('SMTP password of gmail-alias could not be read from x: y');

    const outcome = check.evaluate(subject, { kind: 'unreadable', outcome: unread }, { now });

    expect(outcome).toEqual(unread);
  });

  it('warns, never passes, when only the username is known', async () => {
    const facts = await check.collect(subject, ctx);

    const outcome = check.evaluate(subject, facts, { now });

    expect(outcome).toEqual({
      outcome: 'warn',
      message:
        'email-smtp.us-east-1.amazonaws.com:587 was not probed for gmail-alias: the expectations declare no password or secret key',
      found: 'no password or secret key declared',
      fix: 'Declare where the audit can read the stored SMTP password (credential.password: env, file, secrets_manager or ssm) so it can be checked; for a Gmail alias, whose password Gmail keeps, this stays a warning.',
    });
  });

  it('applies to live runs unless the path opts out, and never to a replay or a recording', () => {
    const optedOut = smtpContext(undefined, { extra: 'probe: false' });

    expect(check.appliesTo!(subject, ctx)).toBe(true);
    expect(check.appliesTo!(subject, { ...ctx, replay: true })).toBe(false);
    expect(check.appliesTo!(subject, { ...ctx, probeSmtp: false })).toBe(false);
    expect(check.appliesTo!(optedOut.subject, optedOut.ctx)).toBe(false);
  });
});

/**
 * Collection end to end: the check reads the stored credential and probes the product's
 * endpoint name, email-smtp.us-east-1.amazonaws.com, through the context's probe, which
 * tests point at the fake SES endpoint on 127.0.0.1.
 */
describe('smtp.probe against an SMTP server on 127.0.0.1', () => {
  let tls: { cert: string; key: string };
  let ses: FakeSesSmtp;
  let dir: string;
  beforeAll(async () => {
    tls = testCertificate();
    ses = await startFakeSesSmtp(tls);
    dir = mkdtempSync(join(tmpdir(), 'mailspec-probe-'));
    writeFileSync(join(dir, 'us-east-1'), deriveSmtpPassword(TEST_SECRET, 'us-east-1'));
    writeFileSync(join(dir, 'eu-west-1'), deriveSmtpPassword(TEST_SECRET, 'eu-west-1'));
    writeFileSync(join(dir, 'secret'), `${TEST_SECRET}\n`);
  });
  afterAll(() => ses.close());

  async function run(credential: string, localPort = ses.port) {
    const path = smtpContext(`username: { value: AKIAIOSFODNN7EXAMPLE }\n${credential}`);
    const targets: string[] = [];
    path.ctx.smtpProbe = createSmtpProbe({
      ca: tls.cert,
      connectTo: (host, port) => {
        targets.push(`${host}:${port}`);
        return { host: '127.0.0.1', port: localPort };
      },
    });

    const facts = await check.collect(path.subject, path.ctx);
    return { outcome: check.evaluate(path.subject, facts, path.ctx), targets };
  }

  it('passes when the stored password is the one for the path region', async () => {
    const { outcome, targets } = await run(`password: { file: ${join(dir, 'us-east-1')} }`);

    expect(targets).toEqual([endpoint]);
    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'email-smtp.us-east-1.amazonaws.com:587 accepted the SMTP credential of gmail-alias (AUTH, then QUIT)',
      found: '235 authentication accepted',
    });
  });

  it('passes with the password derived from a stored secret key when no password is stored', async () => {
    const { outcome } = await run(`secret_access_key: { file: ${join(dir, 'secret')} }`);

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'email-smtp.us-east-1.amazonaws.com:587 accepted the SMTP credential of gmail-alias (AUTH, then QUIT)',
      found: '235 authentication accepted',
    });
  });

  it('fails with the server words when the stored password is for another region', async () => {
    const { outcome } = await run(`password: { file: ${join(dir, 'eu-west-1')} }`);

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'email-smtp.us-east-1.amazonaws.com:587 refused the SMTP credential of gmail-alias: 535 Authentication Credentials Invalid',
      expected: '235 authentication accepted',
      found: '535 Authentication Credentials Invalid',
    });
    expect(ses.mailCommands).toEqual([]);
  });

  it('is inconclusive, never a fail, when the endpoint refuses the connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const { outcome } = await run(`password: { file: ${join(dir, 'us-east-1')} }`, port);

    expect(outcome).toEqual({
      outcome: 'inconclusive',
      message: `email-smtp.us-east-1.amazonaws.com:587 could not be probed for gmail-alias: connect ECONNREFUSED 127.0.0.1:${port}`,
      found: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });
});
