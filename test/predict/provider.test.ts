import { describe, expect, it } from 'vitest';
import { detectProvider } from '../../src/predict/provider.js';

describe('detectProvider', () => {
  it('passes when an MX under mail.protection.outlook.com is Exchange Online', () => {
    expect(detectProvider(['example-net.mail.protection.outlook.com.'])).toBe('exchange-online');
    expect(detectProvider(['Example-Net.MAIL.Protection.Outlook.com'])).toBe('exchange-online');
  });

  it('passes when Google Workspace and Gmail hosts are google', () => {
    expect(detectProvider(['aspmx.l.google.com', 'alt1.aspmx.l.google.com'])).toBe('google');
    expect(detectProvider(['smtp.google.com'])).toBe('google');
    expect(detectProvider(['aspmx2.googlemail.com'])).toBe('google');
  });

  it('fails when look-alike and unknown hosts name no provider', () => {
    expect(detectProvider(['mail.protection.outlook.com.example.org'])).toBe('other');
    expect(detectProvider(['mx.notgoogle.com'])).toBe('other');
    expect(detectProvider(['mx1.example.org'])).toBe('other');
    expect(detectProvider([])).toBe('other');
  });

  it('passes when only the most preferred host decides', () => {
    expect(detectProvider(['mx.example.org', 'example-net.mail.protection.outlook.com'])).toBe(
      'other',
    );
  });
});
