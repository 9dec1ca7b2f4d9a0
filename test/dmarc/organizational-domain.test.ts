import { describe, expect, it } from 'vitest';
import { isAligned, organizationalDomain } from '../../src/dmarc/organizational-domain.js';

describe('organizationalDomain', () => {
  it('passes when the public suffix plus one label is the organizational domain', () => {
    expect(organizationalDomain('mail.example.com')).toBe('example.com');
    expect(organizationalDomain('a.b.example.co.uk')).toBe('example.co.uk');
    expect(organizationalDomain('News.Example.COM.')).toBe('example.com');
  });

  it('passes when a private suffix of the list makes each tenant its own organization', () => {
    expect(organizationalDomain('mail.tenant-a.github.io')).toBe('tenant-a.github.io');
  });

  it('passes when a name without a registrable part is returned as it is', () => {
    expect(organizationalDomain('co.uk')).toBe('co.uk');
  });
});

describe('isAligned', () => {
  it('passes when relaxed alignment accepts the same organizational domain', () => {
    expect(isAligned('example.com', 'mail.example.com', 'relaxed')).toBe(true);
    expect(isAligned('news.example.com', 'bounce.example.com', 'relaxed')).toBe(true);
  });

  it('fails when strict alignment needs the exact name', () => {
    expect(isAligned('example.com', 'mail.example.com', 'strict')).toBe(false);
    expect(isAligned('Example.com', 'example.COM', 'strict')).toBe(true);
  });

  it('fails when amazonses.com or a sibling under a public suffix is compared', () => {
    expect(isAligned('example.com', 'us-west-2.amazonses.com', 'relaxed')).toBe(false);
    expect(isAligned('example.co.uk', 'other.co.uk', 'relaxed')).toBe(false);
    expect(isAligned('tenant-a.github.io', 'tenant-b.github.io', 'relaxed')).toBe(false);
  });
});
