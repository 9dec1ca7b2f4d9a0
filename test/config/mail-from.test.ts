import { describe, expect, it } from 'vitest';
import { ConfigError, parseExpectations } from '../../src/config/load.js';
import { mailFromDomains, mailFromFor } from '../../src/config/mail-from.js';

const domainOf = (mailFrom: string) =>
  parseExpectations(
    `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2, eu-west-1]
    mail_from:
${mailFrom}
`,
    'expectations.yaml',
  ).expectations.domains[0]!;

describe('mailFromFor', () => {
  it('passes when a region without its own MAIL FROM domain takes mail_from.domain', () => {
    const domain = domainOf('      domain: mail.example.com');

    expect(mailFromFor(domain, 'us-west-2')).toBe('mail.example.com');
    expect(mailFromDomains(domain)).toEqual(['mail.example.com']);
  });

  it('passes when mail_from.regions gives a region its own MAIL FROM domain', () => {
    const domain = domainOf(
      '      domain: mail.example.com\n      regions:\n        us-west-2: mail-usw2.example.com',
    );

    expect(mailFromFor(domain, 'us-east-1')).toBe('mail.example.com');
    expect(mailFromFor(domain, 'us-west-2')).toBe('mail-usw2.example.com');
    expect(mailFromDomains(domain)).toEqual(['mail.example.com', 'mail-usw2.example.com']);
  });

  it('fails when mail_from.regions names a region that offers no SES', () => {
    const parse = () =>
      domainOf('      domain: mail.example.com\n      regions:\n        us-wst-2: m.example.com');

    expect(parse).toThrow(
      /"us-wst-2" is not an AWS region with SES \(did you mean "us-west-2"\?\)/,
    );
  });
});

describe('mailFromProblems', () => {
  const lines = (mailFrom: string) => {
    try {
      domainOf(mailFrom);
      return 'ok';
    } catch (error) {
      return (error as ConfigError).toLine();
    }
  };

  it('fails when mail_from.regions names a region the domain is not sent from', () => {
    expect(
      lines(
        '      domain: mail.example.com\n      regions:\n        eu-west-2: mail-euw2.example.com',
      ),
    ).toBe(
      'expectations.yaml:8:20: domains[0].mail_from.regions.eu-west-2: eu-west-2 is not one of the regions example.com is sent from (us-east-1, us-west-2, eu-west-1) [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when a MAIL FROM domain is not a subdomain of the identity, as SES requires', () => {
    expect(
      lines('      domain: mail.example.com\n      regions:\n        eu-west-1: mail.example.org'),
    ).toBe(
      "expectations.yaml:8:20: domains[0].mail_from.regions.eu-west-1: mail.example.org is not a subdomain of example.com; SES takes a MAIL FROM domain under the identity's own domain [MAILSPEC_CONFIG_INVALID]",
    );
    expect(lines('      domain: example.com')).toBe(
      "expectations.yaml:6:15: domains[0].mail_from.domain: example.com is not a subdomain of example.com; SES takes a MAIL FROM domain under the identity's own domain [MAILSPEC_CONFIG_INVALID]",
    );
  });
});
