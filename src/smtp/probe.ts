import nodemailer from 'nodemailer';
import type { SmtpProbe } from '../engine/context.js';

export interface SmtpProbeOptions {
  /** Extra trusted certificates (a test CA); the system store is used otherwise. */
  ca?: string | Buffer;
  /**
   * Where to open the TCP connection for an endpoint. The certificate is still checked
   * against the endpoint's name, so tests can point it at a local peer honestly.
   */
  connectTo?: (host: string, port: number) => { host: string; port: number };
  timeoutMs?: number;
}

/** SES SMTP ports with TLS from the first byte; the others start in clear and need STARTTLS. */
const IMPLICIT_TLS_PORTS = new Set([465, 2465]);

/**
 * Opens a session with nodemailer's `verify`: greeting, EHLO, STARTTLS (or implicit TLS),
 * AUTH, QUIT. No MAIL FROM is ever sent, so nothing can be delivered.
 * https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html
 */
export function createSmtpProbe(options: SmtpProbeOptions = {}): SmtpProbe {
  const timeout = options.timeoutMs ?? 10_000;

  return async ({ host, port, username, password }) => {
    const target = options.connectTo?.(host, port) ?? { host, port };
    const implicitTls = IMPLICIT_TLS_PORTS.has(port);
    const transport = nodemailer.createTransport({
      host: target.host,
      port: target.port,
      secure: implicitTls,
      // Never authenticate over a clear connection: refuse a server that hides STARTTLS.
      requireTLS: !implicitTls,
      auth: { user: username, pass: password },
      tls: { servername: host, minVersion: 'TLSv1.2', ...(options.ca ? { ca: options.ca } : {}) },
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      // Longer than the greeting wait, so a server that never greets is named as such
      // rather than as an idle socket: both timers start when the connection opens.
      socketTimeout: timeout * 2,
      logger: false,
      debug: false,
    });

    try {
      await transport.verify();
      return { status: 'accepted', response: '235 authentication accepted' };
    } catch (error) {
      const err = error as { code?: string; command?: string; response?: string; message?: string };
      const words = redact(err.response ?? err.message ?? String(error), password, username);
      if (err.code === 'EAUTH' && err.response) return { status: 'rejected', response: words };
      if (err.command === 'STARTTLS' && err.response) {
        const response = `STARTTLS refused with "${words}", so no credential was sent`;
        return { status: 'unreachable', response };
      }
      return { status: 'unreachable', response: words };
    } finally {
      transport.close();
    }
  };
}

/**
 * Server replies never quote the password, but an odd peer could echo the AUTH line: the
 * password and the base64 forms a client sends are blanked before anything is reported.
 */
function redact(text: string, password: string, username: string): string {
  const forms = [
    password,
    Buffer.from(password).toString('base64'),
    Buffer.from(`\0${username}\0${password}`).toString('base64'),
  ];
  return forms.reduce((out, form) => out.split(form).join('[redacted]'), text.trim());
}
