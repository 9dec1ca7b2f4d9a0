import { describe, expect, it } from 'vitest';
import { ConfigError, parseExpectations } from '../../src/config/load.js';

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

const BILLION_LAUGHS = `source: live
a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
${DOMAIN.slice(13)}`;

describe('syntaxProblems', () => {
  it('fails with one line at the alias that multiplies, not a stack, for a billion laughs file', () => {
    expect(problems(BILLION_LAUGHS)).toBe(
      'expectations.yaml:4:8: invalid YAML: aliases expand to too many values (as in a "billion laughs" file); write the values out instead [MAILSPEC_CONFIG_SYNTAX]',
    );
  });

  it('fails at the bracket that opened an unclosed list, not where the file ends', () => {
    expect(problems('source: live\ndomains: [example.com\n')).toBe(
      'expectations.yaml:2:10: invalid YAML: this "[" is never closed [MAILSPEC_CONFIG_SYNTAX]',
    );
  });

  it('fails with one problem, and no terminal warning, for a list used as a key', () => {
    expect(problems(`${DOMAIN}? [a, b]: c\n`)).toBe(
      'expectations.yaml:5:3: invalid YAML: a list or mapping cannot be a key; keys are plain words such as domains [MAILSPEC_CONFIG_SYNTAX]',
    );
  });

  it('fails when a tag is unknown, as a problem instead of a warning', () => {
    expect(problems(`${DOMAIN}    dkim:\n      required: !!bool-ish true\n`)).toBe(
      'expectations.yaml:6:17: invalid YAML: Unresolved tag: tag:yaml.org,2002:bool-ish [MAILSPEC_CONFIG_SYNTAX]',
    );
  });

  it('passes when a domain takes its keys from another one with a merge key', () => {
    const text = `source: live
domains:
  - domain: example.com
    regions: &regions [us-east-1, us-west-2]
    dmarc: &strict
      policy: reject
  - domain: example.org
    regions: *regions
    dmarc:
      <<: *strict
      require_report_authorization: false
`;

    const loaded = parseExpectations(text, 'expectations.yaml');

    expect(loaded.expectations.domains[1]).toMatchObject({
      domain: 'example.org',
      regions: ['us-east-1', 'us-west-2'],
      dmarc: { policy: 'reject', require_report_authorization: false },
    });
  });
});
