import { describe, expect, it } from 'vitest';
import { formatDnsServer, parseDnsServer } from '../../src/dns/servers.js';
import { createResolver } from '../../src/dns/resolver.js';

describe('parseDnsServer', () => {
  it('passes when given an IPv4 or IPv6 address with or without a port', () => {
    expect(parseDnsServer('1.1.1.1')).toEqual({ host: '1.1.1.1', port: 53 });
    expect(parseDnsServer('127.0.0.1:5353')).toEqual({ host: '127.0.0.1', port: 5353 });
    expect(parseDnsServer('2606:4700::1111')).toEqual({ host: '2606:4700::1111', port: 53 });
    expect(parseDnsServer('[2606:4700::1111]:8053')).toEqual({
      host: '2606:4700::1111',
      port: 8053,
    });
    expect(formatDnsServer({ host: '2606:4700::1111', port: 8053 })).toBe('[2606:4700::1111]:8053');
    expect(formatDnsServer({ host: '1.1.1.1', port: 53 })).toBe('1.1.1.1');
  });

  it('fails when given a host name, a bad address or a bad port', () => {
    for (const text of [
      'dns.google',
      '1.1.1',
      '1.1.1.1:0',
      '1.1.1.1:70000',
      '[1.1.1.1]:53',
      '',
      '1.1.1.1:x',
    ]) {
      expect(parseDnsServer(text), text).toBeUndefined();
    }
  });

  it('fails with a one-line usage error when the resolver is given a bad server', () => {
    expect(() => createResolver({ servers: ['dns.google'] })).toThrow(
      expect.objectContaining({
        code: 'MAILSPEC_USAGE',
        message:
          'DNS server "dns.google" is not an IP address with an optional :port, such as 1.1.1.1 or [2606:4700::1111]:53',
      }),
    );
  });
});
