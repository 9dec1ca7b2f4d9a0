import { describe, expect, it } from 'vitest';
import { ConfigError, parseExpectations } from '../../src/config/load.js';

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

const PATH = (name: string) => `  - name: ${name}
    kind: ses-api
    region: us-east-1
    from: admin@example.com
`;

describe('duplicateProblems', () => {
  it('fails when a domain is declared twice, at the second one, whatever its case', () => {
    const text = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
  - domain: Example.COM
    regions: [us-west-2]
`;

    expect(problems(text)).toBe(
      'expectations.yaml:5:13: domains[1].domain: domain "Example.COM" is already declared at line 3; declare each domain once [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when two sending paths have the same name, at the second one', () => {
    const text = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
sending_paths:
${PATH('newsletter')}${PATH('newsletter')}`;

    expect(problems(text)).toBe(
      'expectations.yaml:10:11: sending_paths[1].name: sending path "newsletter" is already declared at line 6; declare each sending path once [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when a recipient domain is declared twice, beside any other problem', () => {
    const text = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
recipients:
  - domain: example.net
  - domain: example.net
    provider: gmail
`;

    expect(problems(text).split('\n')).toEqual([
      'expectations.yaml:7:13: recipients[1].domain: recipient domain "example.net" is already declared at line 6; declare each recipient domain once [MAILSPEC_CONFIG_INVALID]',
      'expectations.yaml:8:15: recipients[1].provider: expected one of "exchange-online", "google", "other", got "gmail" [MAILSPEC_CONFIG_INVALID]',
    ]);
  });

  it('passes when paths differ in name and domains differ', () => {
    const text = `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
  - domain: example.org
    regions: [us-east-1]
sending_paths:
${PATH('newsletter')}${PATH('receipts')}`;

    expect(problems(text)).toBe('ok');
  });
});
