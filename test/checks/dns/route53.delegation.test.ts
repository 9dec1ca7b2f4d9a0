import { describe, expect, it } from 'vitest';
import check, { type DelegationFacts } from '../../../checks/dns/route53.delegation.js';
import type { SubjectOf } from '../../../src/engine/check.js';

const subject = {
  scope: 'domain',
  domain: { domain: 'example.com', regions: ['us-east-1'], route53: { hosted_zone: 'auto' } },
  path: ['domains', 0],
} as unknown as SubjectOf<'domain'>;
const now = { now: () => new Date('2026-11-30T09:00:00Z') };

const OWN = ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.com'];
const LEFTOVER = ['ns-8.awsdns-08.net', 'ns-9.awsdns-09.co.uk'];
const zone = (id: string, nameServers: string[], isPrivate = false) => ({
  id,
  name: 'example.com',
  private: isPrivate,
  nameServers,
});
const ns = (records: string[]) => ({
  name: 'example.com',
  type: 'NS' as const,
  status: 'ok' as const,
  records,
});

function run(facts: DelegationFacts) {
  return check.evaluate(subject, facts, now);
}

describe('route53.delegation', () => {
  it('passes when public DNS answers the NS set of the hosted zone', () => {
    const outcome = run({
      zone: { ok: true, zone: zone('Z1', OWN), others: [] },
      ns: ns(['ns-2.awsdns-02.com', 'NS-1.awsdns-01.org.']),
    });

    expect(outcome).toEqual({
      outcome: 'pass',
      message:
        'public DNS delegates example.com to hosted zone Z1 (ns-1.awsdns-01.org, ns-2.awsdns-02.com)',
      found: 'NS ns-1.awsdns-01.org, ns-2.awsdns-02.com',
    });
  });

  it('fails when public DNS follows a leftover zone of the same name, naming both NS sets', () => {
    const outcome = run({
      zone: { ok: true, zone: zone('Z1', OWN), others: [zone('Z2', LEFTOVER)] },
      ns: ns(LEFTOVER),
    });

    expect(outcome).toEqual({
      outcome: 'fail',
      message:
        'public DNS follows hosted zone Z2 of example.com (NS ns-8.awsdns-08.net, ns-9.awsdns-09.co.uk), not Z1 (NS ns-1.awsdns-01.org, ns-2.awsdns-02.com), so records in Z1 are never seen',
      expected: 'NS ns-1.awsdns-01.org, ns-2.awsdns-02.com (DelegationSet of hosted zone Z1)',
      found: 'NS ns-8.awsdns-08.net, ns-9.awsdns-09.co.uk',
    });
  });

  it('fails when public DNS delegates to name servers of no zone in the account', () => {
    const outcome = run({
      zone: { ok: true, zone: zone('Z1', OWN), others: [] },
      ns: ns(['ns1.other-dns.example']),
    });

    expect(outcome).toMatchObject({
      outcome: 'fail',
      message:
        'public DNS delegates example.com to ns1.other-dns.example, not to hosted zone Z1 (NS ns-1.awsdns-01.org, ns-2.awsdns-02.com), so records in Z1 are never seen',
    });
  });

  it('warns when a second public zone exists that nobody sees', () => {
    const outcome = run({
      zone: { ok: true, zone: zone('Z1', OWN), others: [zone('Z2', LEFTOVER)] },
      ns: ns(OWN),
    });

    expect(outcome).toMatchObject({
      outcome: 'warn',
      message:
        'example.com has a second public hosted zone Z2 (NS ns-8.awsdns-08.net, ns-9.awsdns-09.co.uk) beside Z1 (NS ns-1.awsdns-01.org, ns-2.awsdns-02.com), which public DNS follows, so records edited in Z2 are never seen',
    });
  });

  it('fails when the only zone is private', () => {
    const outcome = run({
      zone: { ok: true, zone: zone('Z1', OWN, true), others: [] },
      ns: ns(OWN),
    });

    expect(outcome).toMatchObject({
      outcome: 'fail',
      message: 'hosted zone Z1 of example.com is private, so public DNS never reads it',
    });
  });

  it('fails when the account has no zone for the domain', () => {
    const outcome = run({
      zone: { ok: false, missing: true, reason: 'no hosted zone is named example.com' },
      ns: ns(OWN),
    });

    expect(outcome).toMatchObject({
      outcome: 'fail',
      message: 'example.com has no Route 53 hosted zone: no hosted zone is named example.com',
    });
  });

  it('fails as inconclusive when Route 53 denies access or DNS times out', () => {
    const denied = run({
      zone: {
        ok: false,
        missing: false,
        reason: 'example.com',
        failure: {
          ok: false,
          kind: 'access-denied',
          errorName: 'AccessDenied',
          message: 'denied',
          permission: 'route53:ListHostedZonesByName',
        },
      },
      ns: ns(OWN),
    });
    const timeout = run({
      zone: { ok: true, zone: zone('Z1', OWN), others: [] },
      ns: { ...ns([]), status: 'timeout' },
    });

    expect(denied).toEqual({
      outcome: 'inconclusive',
      message:
        'the Route 53 hosted zone of example.com could not be read: access denied (the audit role needs route53:ListHostedZonesByName)',
    });
    expect(timeout).toEqual({
      outcome: 'inconclusive',
      message: 'the NS records of example.com could not be resolved (DNS timeout)',
    });
  });
});
