import { describe, expect, it } from 'vitest';
import { ConfigError, parseExpectations } from '../../src/config/load.js';
import { smtpExpectations } from '../support/smtp-path.js';

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
    if (error instanceof ConfigError) return error.toLine();
    throw error;
  }
}

const REFERENCE =
  'is written in the file, but secrets must be referenced (env, file, secrets_manager or ssm), never written in the file [MAILSPEC_CONFIG_INVALID]';

describe('describeIssue', () => {
  it('fails without echoing a password, secret key or username written in the file', () => {
    const text = smtpExpectations(
      [
        'password: "BOGUSpastedPassword0123456789abcdefghij="',
        'secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'username: "wJalrXUtnFEMI/K7MDENG"',
      ].join('\n'),
    );

    const lines = problems(text);

    expect(lines.split('\n')).toEqual([
      `expectations.yaml:12:17: sending_paths[0].credential.password: a string of 40 characters ${REFERENCE}`,
      `expectations.yaml:13:26: sending_paths[0].credential.secret_access_key: a string of 40 characters ${REFERENCE}`,
      `expectations.yaml:14:17: sending_paths[0].credential.username: a string of 21 characters ${REFERENCE}`,
    ]);
    expect(lines).not.toContain('BOGUS');
    expect(lines).not.toContain('wJalr');
  });

  it('fails without echoing a number written as a password', () => {
    expect(problems(smtpExpectations('password: 12345678'))).toBe(
      `expectations.yaml:12:17: sending_paths[0].credential.password: a number of 8 characters ${REFERENCE}`,
    );
  });

  it('fails without echoing a value of the wrong type inside a secret reference', () => {
    expect(problems(smtpExpectations('password: { env: 31337 }'))).toBe(
      'expectations.yaml:12:7: sending_paths[0].credential.password: expected one of the keys env, got a mapping [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when a port is not one SES SMTP listens on, listing those', () => {
    expect(
      problems(smtpExpectations('username: { value: AKIAIOSFODNN7EXAMPLE }', 'port: 2526')),
    ).toBe(
      'expectations.yaml:13:11: sending_paths[0].port: expected one of 25, 465, 587, 2465, 2587, got number 2526 [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when a number is .nan, naming it as such', () => {
    expect(problems(`${DOMAIN}    spf:\n      max_lookups: .nan\n`)).toBe(
      'expectations.yaml:6:20: domains[0].spf.max_lookups: expected number, got .nan (not a number) [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when a date is tagged !!timestamp, naming the tag', () => {
    const text = `${DOMAIN}regions:\n  us-east-1:\n    suppression:\n      since: !!timestamp 2026-01-01\n`;

    expect(problems(text)).toBe(
      'expectations.yaml:8:26: regions.us-east-1.suppression.since: expected string, got a !!timestamp (2026-01-01) [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when a sending domain is a public suffix', () => {
    expect(problems('source: live\ndomains:\n  - domain: co.uk\n    regions: [us-east-1]\n')).toBe(
      'expectations.yaml:3:13: domains[0].domain: expected a domain of your own, not a public suffix under which anyone registers names, got "co.uk" [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when an address has a hyphen at a label edge or a dot at the start', () => {
    const text = `${DOMAIN}regions:\n  us-east-1:\n    suppression:\n      must_reach: [admin@-example-.com, .admin@example.com]\n`;

    expect(problems(text).split('\n')).toEqual([
      'expectations.yaml:8:20: regions.us-east-1.suppression.must_reach[0]: expected an email address whose domain labels do not start or end with a hyphen, got "admin@-example-.com" [MAILSPEC_CONFIG_INVALID]',
      'expectations.yaml:8:41: regions.us-east-1.suppression.must_reach[1]: expected an email address whose part before @ has no leading, trailing or doubled dot, got ".admin@example.com" [MAILSPEC_CONFIG_INVALID]',
    ]);
  });

  it('passes when an address and a domain are well formed under a country suffix', () => {
    const text = `source: live\ndomains:\n  - domain: example.co.uk\n    regions: [us-east-1]\nregions:\n  us-east-1:\n    suppression:\n      must_reach: [first.last@example.co.uk]\n`;

    expect(problems(text)).toBe('ok');
  });
  it('fails when an enum value is a typo of one option, suggesting that option', () => {
    const text = `${DOMAIN}    dmarc:\n      policy: quarentine\n`;

    expect(problems(text)).toBe(
      'expectations.yaml:6:15: domains[0].dmarc.policy: expected one of "none", "quarantine", "reject", got "quarentine" (did you mean "quarantine"?) [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails without a suggestion when an enum value is near no option', () => {
    const text = `${DOMAIN}    dmarc:\n      policy: strict\n`;

    expect(problems(text)).toBe(
      'expectations.yaml:6:15: domains[0].dmarc.policy: expected one of "none", "quarantine", "reject", got "strict" [MAILSPEC_CONFIG_INVALID]',
    );
  });
});
