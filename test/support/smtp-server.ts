import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from 'smtp-server';
import { deriveSmtpPassword } from '../../src/smtp/password.js';

/**
 * AWS's documented example key pair (IAM user guide): nobody's credential, and the only
 * key the fake SES endpoint below accepts.
 */
export const TEST_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const TEST_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** The regions whose SES SMTP endpoint names the test certificate holds. */
export const CERTIFICATE_REGIONS = ['us-east-1', 'eu-west-1'];

/**
 * A throwaway self-signed certificate for the SES SMTP endpoint names, made with openssl at
 * test time so that no private key is ever committed. It is also the CA the probe trusts.
 */
export function testCertificate(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mailspec-tls-'));
  const names = CERTIFICATE_REGIONS.map((region) => `DNS:email-smtp.${region}.amazonaws.com`);
  try {
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
        ...['-nodes', '-days', '1', '-subj', '/CN=mailspec test SES endpoint'],
        ...['-addext', `subjectAltName=${names.join(',')}`],
        ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      ],
      { stdio: 'ignore' },
    );
    return {
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FakeSesSmtp {
  port: number;
  /** Every AUTH attempt: the user name and the region of the endpoint name asked for. */
  attempts: { username: string; region: string | undefined; accepted: boolean }[];
  /** MAIL FROM, RCPT TO and DATA commands received: a probe must send none. */
  mailCommands: string[];
  close(): Promise<void>;
}

/**
 * An SMTP server on 127.0.0.1 playing an SES SMTP endpoint: STARTTLS with the test
 * certificate, then AUTH that accepts exactly the version-4 password of the test key for
 * the region of the endpoint name the client asked for by SNI, with SES's 535 otherwise.
 */
export async function startFakeSesSmtp(
  tls: { cert: string; key: string },
  options: { withoutStartTls?: boolean; echoesPassword?: boolean } = {},
): Promise<FakeSesSmtp> {
  const attempts: FakeSesSmtp['attempts'] = [];
  const mailCommands: string[] = [];
  const refuse = (command: string, callback: (error: Error) => void) => {
    mailCommands.push(command);
    callback(Object.assign(new Error('Not in this test'), { responseCode: 554 }));
  };

  const server = new SMTPServer({
    ...tls,
    name: 'email-smtp.amazonaws.com',
    banner: 'SimpleEmailService-test ready',
    authMethods: ['PLAIN', 'LOGIN'],
    // Without STARTTLS the server would take AUTH in clear text, if a client offered it.
    ...(options.withoutStartTls
      ? { disabledCommands: ['STARTTLS'], hideSTARTTLS: true, allowInsecureAuth: true }
      : {}),
    logger: false,
    onAuth(auth: SMTPServerAuthentication, session: SMTPServerSession, callback) {
      const region = /^email-smtp\.([a-z0-9-]+)\.amazonaws\.com$/.exec(
        (session as { servername?: string }).servername ?? '',
      )?.[1];
      const accepted =
        region !== undefined &&
        auth.username === TEST_KEY_ID &&
        auth.password === deriveSmtpPassword(TEST_SECRET, region);
      attempts.push({ username: auth.username ?? '', region, accepted });
      if (accepted) return callback(null, { user: auth.username });
      // An odd peer that quotes what it was sent, to prove the probe blanks it.
      const quoted = options.echoesPassword ? ` (got ${auth.password})` : '';
      const words = `Authentication Credentials Invalid${quoted}`;
      callback(Object.assign(new Error(words), { responseCode: 535 }));
    },
    onMailFrom: (_address, _session, callback) => refuse('MAIL FROM', callback),
    onRcptTo: (_address, _session, callback) => refuse('RCPT TO', callback),
    onData: (_stream, _session, callback) => refuse('DATA', callback),
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    attempts,
    mailCommands,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
