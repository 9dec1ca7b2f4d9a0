import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpEndpoint } from '../../src/ses/regions.js';
import { deriveSmtpPassword, deriveSmtpPasswordV2 } from '../../src/smtp/password.js';
import { createSmtpProbe } from '../../src/smtp/probe.js';
import {
  startFakeSesSmtp,
  testCertificate,
  TEST_KEY_ID,
  TEST_SECRET,
  type FakeSesSmtp,
} from '../support/smtp-server.js';

/**
 * The probe against a real SMTP server on 127.0.0.1 that plays SES: STARTTLS with a
 * certificate made for this run, AUTH accepting only the test key's password for the
 * endpoint's region. The probe is pointed at it by `connectTo`, while the TLS name it checks
 * stays the product's endpoint name, email-smtp.<region>.amazonaws.com.
 */
let tls: { cert: string; key: string };
let ses: FakeSesSmtp;

beforeAll(async () => {
  tls = testCertificate();
  ses = await startFakeSesSmtp(tls);
});
afterAll(() => ses.close());

const probeAt = (port: number, options: { timeoutMs?: number } = {}) =>
  createSmtpProbe({ ca: tls.cert, connectTo: () => ({ host: '127.0.0.1', port }), ...options });

const attempt = (region: string, password: string) =>
  probeAt(ses.port)({ host: smtpEndpoint(region), port: 587, username: TEST_KEY_ID, password });

/** A port with nothing listening: bound once by the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('createSmtpProbe', () => {
  it('passes with 235 when the endpoint accepts the version-4 password for its region', async () => {
    const before = ses.attempts.length;

    const result = await attempt('us-east-1', deriveSmtpPassword(TEST_SECRET, 'us-east-1'));

    expect(result).toEqual({ status: 'accepted', response: '235 authentication accepted' });
    expect(ses.attempts.slice(before)).toEqual([
      { username: TEST_KEY_ID, region: 'us-east-1', accepted: true },
    ]);
  });

  it('fails with the server words when the password was derived for another region', async () => {
    const password = deriveSmtpPassword(TEST_SECRET, 'eu-west-1');

    const result = await attempt('us-east-1', password);

    expect(result).toEqual({
      status: 'rejected',
      response: '535 Authentication Credentials Invalid',
    });
  });

  it('passes when that same password goes to the region it was derived for', async () => {
    const result = await attempt('eu-west-1', deriveSmtpPassword(TEST_SECRET, 'eu-west-1'));

    expect(result).toEqual({ status: 'accepted', response: '235 authentication accepted' });
  });

  it('fails with 535 for a version-2 password and for the raw secret key', async () => {
    const results = [
      await attempt('us-east-1', deriveSmtpPasswordV2(TEST_SECRET)),
      await attempt('us-east-1', TEST_SECRET),
    ];

    expect(results).toEqual([
      { status: 'rejected', response: '535 Authentication Credentials Invalid' },
      { status: 'rejected', response: '535 Authentication Credentials Invalid' },
    ]);
  });

  it('fails with the server words, the password blanked, when a server quotes it', async () => {
    const echoing = await startFakeSesSmtp(tls, { echoesPassword: true });
    const password = deriveSmtpPassword(TEST_SECRET, 'eu-west-1');

    try {
      const result = await probeAt(echoing.port)({
        host: smtpEndpoint('us-east-1'),
        port: 587,
        username: TEST_KEY_ID,
        password,
      });

      expect(result).toEqual({
        status: 'rejected',
        response: '535 Authentication Credentials Invalid (got [redacted])',
      });
    } finally {
      await echoing.close();
    }
  });

  it('never sends MAIL FROM, RCPT TO or DATA, whatever the answer', () => {
    expect(ses.attempts.length).toBeGreaterThanOrEqual(5);
    expect(ses.mailCommands).toEqual([]);
  });

  it('is unreachable when the connection is refused', async () => {
    const port = await closedPort();

    const result = await probeAt(port)({
      host: smtpEndpoint('us-east-1'),
      port: 587,
      username: TEST_KEY_ID,
      password: deriveSmtpPassword(TEST_SECRET, 'us-east-1'),
    });

    expect(result).toEqual({
      status: 'unreachable',
      response: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it('is unreachable when the server never greets', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;

    try {
      const result = await probeAt(port, { timeoutMs: 200 })({
        host: smtpEndpoint('us-east-1'),
        port: 587,
        username: TEST_KEY_ID,
        password: deriveSmtpPassword(TEST_SECRET, 'us-east-1'),
      });

      expect(result).toEqual({ status: 'unreachable', response: 'Greeting never received' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('is unreachable, without sending AUTH, when the certificate is not for the endpoint name', async () => {
    const before = ses.attempts.length;

    const result = await attempt('ap-south-1', deriveSmtpPassword(TEST_SECRET, 'ap-south-1'));

    expect(result).toEqual({
      status: 'unreachable',
      response:
        "Hostname/IP does not match certificate's altnames: Host: email-smtp.ap-south-1.amazonaws.com. is not in the cert's altnames: DNS:email-smtp.us-east-1.amazonaws.com, DNS:email-smtp.eu-west-1.amazonaws.com",
    });
    expect(ses.attempts.length).toBe(before);
  });

  it('is unreachable, without sending AUTH, when the server offers no STARTTLS', async () => {
    const clear = await startFakeSesSmtp(tls, { withoutStartTls: true });

    try {
      const result = await probeAt(clear.port)({
        host: smtpEndpoint('us-east-1'),
        port: 587,
        username: TEST_KEY_ID,
        password: deriveSmtpPassword(TEST_SECRET, 'us-east-1'),
      });

      expect(result).toEqual({
        status: 'unreachable',
        response:
          'STARTTLS refused with "500 Error: command not recognized", so no credential was sent',
      });
      expect(clear.attempts).toEqual([]);
    } finally {
      await clear.close();
    }
  });
});
