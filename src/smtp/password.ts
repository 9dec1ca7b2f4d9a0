import { createHmac } from 'node:crypto';
import { SES_REGIONS } from '../ses/regions.js';

/**
 * SES SMTP passwords are derived from an IAM secret access key, never issued on their own.
 * Version 4 signs the fixed message "SendRawEmail" with a SigV4 signing key scoped to a
 * date of 11111111, the region and the service "ses", so the same key gives a different
 * password in every region.
 * https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html#smtp-credentials-convert
 */
const SIGV4_DATE = '11111111';
const SIGV4_SERVICE = 'ses';
const SIGV4_TERMINAL = 'aws4_request';
const MESSAGE = 'SendRawEmail';
const VERSION_4 = 0x04;
const VERSION_2 = 0x02;

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The version-4 SMTP password of a secret access key in one region (44 characters, "B…"). */
export function deriveSmtpPassword(secretAccessKey: string, region: string): string {
  let key: Buffer = Buffer.from(`AWS4${secretAccessKey}`, 'utf8');
  for (const part of [SIGV4_DATE, region, SIGV4_SERVICE, SIGV4_TERMINAL, MESSAGE]) {
    key = hmac(key, part);
  }
  return Buffer.concat([Buffer.from([VERSION_4]), key]).toString('base64');
}

/**
 * The version-2 password (region-independent, "A…"). SES refuses it since 2021 with
 * "535 Authentication Credentials Invalid … Signature Version 2 is deprecated"; it is
 * derived here only to recognise one.
 */
export function deriveSmtpPasswordV2(secretAccessKey: string): string {
  const digest = hmac(Buffer.from(secretAccessKey, 'utf8'), MESSAGE);
  return Buffer.concat([Buffer.from([VERSION_2]), digest]).toString('base64');
}

/**
 * What a stored SMTP password looks like:
 * - `v4`: base64 of 0x04 and a SHA-256 digest (44 characters starting with "B");
 * - `v2`: the same with 0x02 (starting with "A"), refused by SES;
 * - `secret-key`: 40 characters of the secret-key alphabet, the IAM secret itself;
 * - `unknown`: anything else.
 */
export type PasswordShape = 'v4' | 'v2' | 'secret-key' | 'unknown';

// 33 bytes encode to exactly 44 base64 characters, without padding.
const BASE64_44 = /^[A-Za-z0-9+/]{44}$/;
const SECRET_KEY = /^[A-Za-z0-9+/]{40}$/;

export function classifyPassword(value: string): PasswordShape {
  if (BASE64_44.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === 33 && bytes[0] === VERSION_4) return 'v4';
    if (bytes.length === 33 && bytes[0] === VERSION_2) return 'v2';
  }
  if (SECRET_KEY.test(value)) return 'secret-key';
  return 'unknown';
}

/** The SES region whose version-4 password this is, or undefined if none is. */
export function regionOfPassword(secretAccessKey: string, password: string): string | undefined {
  return SES_REGIONS.find((region) => deriveSmtpPassword(secretAccessKey, region) === password);
}

/** An access key ID of a long-term IAM user key: "AKIA" and 16 upper-case letters or digits. */
export const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{16}$/;
