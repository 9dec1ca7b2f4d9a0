import { describe, expect, it } from 'vitest';
import { ConfigError, loadExpectations, parseExpectations } from '../../src/config/load.js';
import { MailspecError } from '../../src/errors.js';

const DOMAIN = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
`;

/** The lines the CLI prints for a file, or "ok" when it loads. */
function problems(text: string): string {
  try {
    parseExpectations(text, 'expectations.yaml');
    return 'ok';
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MailspecError) return error.toLine();
    throw error;
  }
}

describe('parseExpectations', () => {
  it('passes when the file is valid, filling defaults and locating keys', () => {
    const loaded = parseExpectations(DOMAIN, 'expectations.yaml');

    expect(loaded.expectations.domains[0]).toMatchObject({
      domain: 'example.com',
      dkim: { required: true },
      dmarc: { policy: 'none', require_report_authorization: true },
    });
    expect(loaded.locate(['domains', 0, 'regions', 0])).toEqual({
      file: 'expectations.yaml',
      line: 4,
      column: 15,
    });
    expect(loaded.locate(['domains', 0, 'mail_from'])).toEqual({
      file: 'expectations.yaml',
      line: 3,
      column: 5,
    });
  });

  it('fails when the YAML is malformed', () => {
    expect(problems('source: live\nsource: live\n')).toBe(
      'expectations.yaml:2:1: invalid YAML: Map keys must be unique [MAILSPEC_CONFIG_SYNTAX]',
    );
  });

  it('fails when a key is unknown, naming the nearest valid key', () => {
    expect(problems(`${DOMAIN}    dmark:\n      policy: reject\n`)).toBe(
      'expectations.yaml:5:5: unknown key "dmark" in domains[0] (did you mean "dmarc"?) [MAILSPEC_CONFIG_UNKNOWN_KEY]',
    );
  });

  it('fails when a key is unknown and nothing is near, listing the valid keys', () => {
    expect(problems(`${DOMAIN}    zzzzzzzzzzzz: 1\n`)).toBe(
      'expectations.yaml:5:5: unknown key "zzzzzzzzzzzz" in domains[0]; expected one of: domain, regions, route53, dkim, mail_from, spf, dmarc [MAILSPEC_CONFIG_UNKNOWN_KEY]',
    );
  });

  it('fails when a value has the wrong type', () => {
    expect(
      problems('source: live\ndomains:\n  - domain: example.com\n    regions: us-east-1\n'),
    ).toBe(
      'expectations.yaml:4:14: domains[0].regions: expected array, got "us-east-1" [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when the file is empty or holds only comments', () => {
    expect(problems('')).toBe(
      'expectations.yaml:1:1: expectations file expectations.yaml is empty [MAILSPEC_CONFIG_EMPTY]',
    );
    expect(problems('# nothing yet\n')).toBe(
      'expectations.yaml:1:1: expectations file expectations.yaml is empty [MAILSPEC_CONFIG_EMPTY]',
    );
  });

  it('fails when the file is a list instead of a mapping', () => {
    expect(problems('- example.com\n')).toBe(
      'expectations.yaml:1:1: the expectations file must be a mapping of keys (source, domains, …) [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when a region does not exist, suggesting the nearest one', () => {
    expect(
      problems('source: live\ndomains:\n  - domain: example.com\n    regions: [us-east-l]\n'),
    ).toBe(
      'expectations.yaml:4:15: domains[0].regions[0]: "us-east-l" is not an AWS region with SES (did you mean "us-east-1"?) [MAILSPEC_CONFIG_UNKNOWN_REGION]',
    );
    expect(problems(`${DOMAIN}regions:\n  us-esat-1: {}\n`)).toBe(
      'expectations.yaml:6:3: regions.us-esat-1: "us-esat-1" is not an AWS region with SES (did you mean "us-east-1"?) [MAILSPEC_CONFIG_UNKNOWN_REGION]',
    );
  });

  it('fails when a required key is missing', () => {
    expect(problems('domains:\n  - domain: example.com\n    regions: [us-east-1]\n')).toBe(
      'expectations.yaml:1:1: missing key "source" (expected string) [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when an email address or a domain name is malformed', () => {
    const badEmail = `${DOMAIN}regions:\n  us-east-1:\n    suppression:\n      must_reach: [purchasing-at-example.net]\n`;

    expect(problems(badEmail)).toBe(
      'expectations.yaml:8:20: regions.us-east-1.suppression.must_reach[0]: expected an email address, got "purchasing-at-example.net" [MAILSPEC_CONFIG_INVALID]',
    );
    expect(
      problems('source: live\ndomains:\n  - domain: example_com\n    regions: [us-east-1]\n'),
    ).toBe(
      'expectations.yaml:3:13: domains[0].domain: expected a domain name such as example.com, got "example_com" [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when a DNS server is not an IP address', () => {
    expect(problems(`source: live\ndns:\n  servers: [dns.google]\n${DOMAIN.slice(13)}`)).toBe(
      'expectations.yaml:3:13: dns.servers[0]: expected an IP address with an optional :port, such as 1.1.1.1 or [2606:4700::1111]:53, got "dns.google" [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails with every problem at once, one line each in file order', () => {
    const text = `source: live
domains:
  - domain: example.com
    regions: [eu-wset-1]
    dmark: {}
    dkim:
      required: yes please
`;

    expect(problems(text).split('\n')).toEqual([
      'expectations.yaml:4:15: domains[0].regions[0]: "eu-wset-1" is not an AWS region with SES (did you mean "eu-west-1"?) [MAILSPEC_CONFIG_UNKNOWN_REGION]',
      'expectations.yaml:5:5: unknown key "dmark" in domains[0] (did you mean "dmarc"?) [MAILSPEC_CONFIG_UNKNOWN_KEY]',
      'expectations.yaml:7:17: domains[0].dkim.required: expected boolean, got "yes please" [MAILSPEC_CONFIG_INVALID]',
    ]);
  });
});

describe('loadExpectations', () => {
  it('fails when the file does not exist', () => {
    expect(() => loadExpectations('/nonexistent/expectations.yaml', 'missing.yaml')).toThrow(
      'expectations file missing.yaml does not exist',
    );
  });

  it('passes when the root expectations.yaml loads with its folder', () => {
    const loaded = loadExpectations('expectations.yaml');

    expect(loaded.expectations.source).toBe('fixtures/example');
    expect(loaded.dir).toBe(process.cwd());
  });
});
