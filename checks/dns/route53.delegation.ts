import { describeFailure } from '../../src/aws/gateway.js';
import { collectHostedZone, type HostedZoneFacts } from '../../src/collect/route53.js';
import { describeStatus, isUndecided, names, type DnsAnswer } from '../../src/dns/answer.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';

export interface DelegationFacts {
  zone: HostedZoneFacts;
  ns: DnsAnswer;
}

/**
 * Passes when public DNS delegates the domain to the name servers of its Route 53 hosted
 * zone (the zone's DelegationSet), so the records edited in that zone are the ones seen.
 */
export default defineCheck({
  meta: {
    id: 'route53.delegation',
    layer: 'dns',
    severity: 'critical',
    group: 'Route 53',
    title: 'public DNS follows the hosted zone',
    remediation:
      'Set the name servers at the registrar (or in the parent zone) to the four name servers of the hosted zone you edit, or move the records into the zone public DNS follows and delete the leftover zone.',
    reference:
      'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/migrate-dns-domain-in-use.html',
  },
  scope: 'domain',
  appliesTo: (subject) => subject.domain.route53 !== undefined,
  async collect(subject, ctx): Promise<DelegationFacts> {
    const [zone, ns] = await Promise.all([
      collectHostedZone(ctx, subject.domain),
      ctx.dns.query(subject.domain.domain, 'NS'),
    ]);
    return { zone, ns };
  },
  evaluate({ domain: { domain } }, { zone, ns }: DelegationFacts) {
    if (!zone.ok && zone.missing) {
      return fail(`${domain} has no Route 53 hosted zone: ${zone.reason}`, {
        expected: `a public hosted zone for ${domain}`,
        found: zone.reason,
      });
    }
    if (!zone.ok) {
      return inconclusive(
        `the Route 53 hosted zone of ${domain} could not be read: ${describeFailure(zone.failure)}`,
      );
    }
    if (isUndecided(ns)) {
      return inconclusive(
        `the NS records of ${domain} could not be resolved (${describeStatus(ns)})`,
      );
    }

    const { zone: own, others } = zone;
    const delegated = names(ns).sort();
    const expected = `NS ${list(own.nameServers)} (DelegationSet of hosted zone ${own.id})`;
    const found = delegated.length > 0 ? `NS ${list(delegated)}` : describeStatus(ns);

    if (own.private) {
      return fail(`hosted zone ${own.id} of ${domain} is private, so public DNS never reads it`, {
        expected: `a public hosted zone for ${domain}`,
        found: `private hosted zone ${own.id}`,
      });
    }
    if (sameSet(delegated, own.nameServers)) {
      const leftover = others[0];
      if (leftover) {
        return warn(
          `${domain} has a second public hosted zone ${leftover.id} (NS ${list(leftover.nameServers)}) beside ${own.id} (NS ${list(own.nameServers)}), which public DNS follows, so records edited in ${leftover.id} are never seen`,
          { expected, found },
        );
      }
      return pass(`public DNS delegates ${domain} to hosted zone ${own.id} (${list(delegated)})`, {
        found,
      });
    }

    const followed = others.find((other) => sameSet(delegated, other.nameServers));
    if (followed) {
      return fail(
        `public DNS follows hosted zone ${followed.id} of ${domain} (NS ${list(followed.nameServers)}), not ${own.id} (NS ${list(own.nameServers)}), so records in ${own.id} are never seen`,
        { expected, found },
      );
    }
    return fail(
      `public DNS delegates ${domain} to ${delegated.length > 0 ? list(delegated) : `nothing (${describeStatus(ns)})`}, not to hosted zone ${own.id} (NS ${list(own.nameServers)}), so records in ${own.id} are never seen`,
      { expected, found },
    );
  },
});

function list(servers: string[]): string {
  return servers.join(', ');
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}
