import { describe, expect, it } from 'vitest';
import type { DnsAnswer } from '../../src/dns/answer.js';
import { distrustOf, SES_CANARY } from '../../src/dns/canary.js';
import { formatInconclusiveCauses, inconclusiveCause } from '../../src/report/cause.js';
import { literalResult } from './results.js';

const inconclusive = (message: string) => literalResult({ outcome: 'inconclusive', message });
const LYING =
  'the DNS resolver answers NXDOMAIN for amazonses.com, which exists, so its answers cannot be trusted';
const NO_CREDENTIALS =
  'no AWS credentials were found (set a profile, role or environment credentials)';

describe('inconclusiveCause', () => {
  it('passes when a missing profile is named as the thing to fix', () => {
    const cause = inconclusiveCause(
      'SES account in us-east-1 could not be read: AWS profile "prod" was not found (neither /home/a/.aws/config nor /home/a/.aws/credentials declares it)',
    );

    expect(cause).toEqual({
      key: 'profile prod',
      summary:
        'AWS profile "prod" was not found (neither /home/a/.aws/config nor /home/a/.aws/credentials declares it)',
      makePossible: 'define the AWS profile "prod" or choose an existing one with --profile',
    });
  });

  it('passes when a DNS failure is told apart from an AWS one', () => {
    const cause = inconclusiveCause('MX of example.net could not be read (DNS timeout)');

    expect(cause.summary).toBe(
      'DNS gave no answer (timeout, SERVFAIL, REFUSED or a network error)',
    );
  });

  it('passes when a name a replay has no DNS answer for is blamed on the recording, not DNS', () => {
    const cause = inconclusiveCause(
      'MX of partner.com could not be read (the recording holds no DNS answer for partner.com)',
    );

    expect(cause).toEqual({
      key: 'dns-not-recorded',
      summary: 'the recording holds no DNS answer for a name the check looks up',
      makePossible:
        "record the fixture again (mailspec record), or add the name's zone to the fixture's dns/ folder",
    });
  });

  it('passes when the live canary names the resolver as the cause', () => {
    const probe: DnsAnswer = {
      name: 'amazonses.com',
      type: 'TXT',
      status: 'nxdomain',
      records: [],
    };
    const distrust = distrustOf(probe, SES_CANARY);

    const cause = inconclusiveCause(`MX of partner.com could not be read (DNS error: ${distrust})`);

    expect(distrust).toBe(LYING);
    expect(cause).toEqual({
      key: `canary ${LYING}`,
      summary: LYING,
      makePossible: 'use a DNS resolver that answers the public DNS (dns.servers or --dns-server)',
    });
  });

  it('passes when the canary got no answer at all, its status kept in the cause', () => {
    const silent =
      'the DNS resolver gives no answer for amazonses.com TXT (DNS timeout), so its absence answers cannot be trusted';

    const cause = inconclusiveCause(
      `DMARC record of example.com could not be read (DNS error: ${silent}); the waiver at line 7 covers fail and warn only, not a check that could not decide`,
    );

    expect(cause.summary).toBe(silent);
  });
});

describe('formatInconclusiveCauses', () => {
  it('passes when each cause is one line, most frequent first, fails left out', () => {
    const results = [
      inconclusive(
        'Lambda f could not be read: access denied (the audit role needs lambda:GetFunction)',
      ),
      inconclusive(`SES account in us-east-1 could not be read: ${NO_CREDENTIALS}`),
      inconclusive(`SES identity example.com in us-east-1 could not be read: ${NO_CREDENTIALS}`),
      inconclusive('the policy simulator gave no decision'),
      inconclusive(`SES account in eu-west-1 could not be read: ${NO_CREDENTIALS}`),
      literalResult({ outcome: 'fail', message: NO_CREDENTIALS }),
    ];

    const lines = formatInconclusiveCauses(results);

    expect(lines).toEqual([
      `  3 inconclusive: ${NO_CREDENTIALS}`,
      '  1 inconclusive: access denied (the audit role needs lambda:GetFunction)',
      '  1 inconclusive: other causes, each named in its finding',
    ]);
  });

  it('passes when unrecorded names, a lying resolver and DNS failures each have a line', () => {
    const results = [
      inconclusive(
        'MX of partner.com could not be read (the recording holds no DNS answer for partner.com)',
      ),
      inconclusive(
        'TXT records of partner.com could not be resolved (the recording holds no DNS answer for partner.com)',
      ),
      inconclusive(`MX of example.net could not be read (DNS error: ${LYING})`),
      inconclusive('MX of mail.example.com could not be resolved (REFUSED)'),
    ];

    const lines = formatInconclusiveCauses(results);

    expect(lines).toEqual([
      '  2 inconclusive: the recording holds no DNS answer for a name the check looks up',
      `  1 inconclusive: ${LYING}`,
      '  1 inconclusive: DNS gave no answer (timeout, SERVFAIL, REFUSED or a network error)',
    ]);
  });

  it('passes when there is no inconclusive result: no line at all', () => {
    expect(formatInconclusiveCauses([literalResult()])).toEqual([]);
  });
});
