import { describe, expect, it } from 'vitest';
import {
  classifyPassword,
  deriveSmtpPassword,
  deriveSmtpPasswordV2,
  regionOfPassword,
} from '../../src/smtp/password.js';

// The published example of the SES documentation's conversion script.
const SECRET = 'some+secret+key';
const EU_CENTRAL_1 = 'BMXhUYlu5Z3gSXVQORxlVa7XPaz91aGWdfHxvkOZdWZ2';
const US_WEST_1 = 'BH+jbMzper5WwlwUar9E1ySBqHa9whi0GPo+sJ0mVYJj';

describe('deriveSmtpPassword', () => {
  it('derives the public vector for eu-central-1', () => {
    expect(deriveSmtpPassword(SECRET, 'eu-central-1')).toBe(EU_CENTRAL_1);
  });

  it('derives the public vector for us-west-1', () => {
    expect(deriveSmtpPassword(SECRET, 'us-west-1')).toBe(US_WEST_1);
  });
});

describe('classifyPassword', () => {
  it('classifies a derived password as version 4', () => {
    expect(classifyPassword(EU_CENTRAL_1)).toBe('v4');
  });

  it('classifies a version-2 password, which starts with A', () => {
    const v2 = deriveSmtpPasswordV2(SECRET);

    expect(v2).toMatch(/^A[A-Za-z0-9+/]{43}$/);
    expect(classifyPassword(v2)).toBe('v2');
  });

  it('classifies a 40-character secret access key', () => {
    expect(classifyPassword('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('secret-key');
  });

  it('classifies a 44-character base64 value of another version as unknown', () => {
    const other = Buffer.concat([Buffer.from([0x05]), Buffer.alloc(32, 7)]).toString('base64');

    expect(classifyPassword(other)).toBe('unknown');
  });

  it('classifies a password with a trailing newline as unknown', () => {
    expect(classifyPassword(`${EU_CENTRAL_1}\n`)).toBe('unknown');
  });

  it('classifies an empty value as unknown', () => {
    expect(classifyPassword('')).toBe('unknown');
  });
});

describe('regionOfPassword', () => {
  it('names the region a password was derived for', () => {
    expect(regionOfPassword(SECRET, US_WEST_1)).toBe('us-west-1');
  });

  it('finds no region for a password of another secret', () => {
    expect(regionOfPassword('another+secret', US_WEST_1)).toBeUndefined();
  });
});
