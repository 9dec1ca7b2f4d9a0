import { describe, expect, it } from 'vitest';
import { parseExpectations } from '../../src/config/load.js';
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
