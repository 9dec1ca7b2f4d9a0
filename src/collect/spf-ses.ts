import { isUndecided } from '../dns/answer.js';
import type { AuditContext } from '../engine/context.js';
import { evaluateSpf, type SpfVerdict } from '../spf/evaluate.js';
import {
  describeAnswer,
  hasValidRecord,
  mechanismsOf,
  unknownParts,
  visitPolicies,
} from '../spf/tree.js';
import { collectSpfTree } from './spf.js';

/**
 * The domain whose SPF record lists the addresses SES sends from; a custom MAIL FROM domain
 * authorizes them with `include:amazonses.com`.
 * https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-spf.html
 */
export const SES_SPF_DOMAIN = 'amazonses.com';

export interface SesSample {
  /** The range as amazonses.com publishes it: `54.240.0.0/18`. */
  network: string;
  /** An address inside the range, evaluated as the client. */
  ip: string;
  verdict: SpfVerdict;
}

export type SesAuthorization = { ok: true; samples: SesSample[] } | { ok: false; reason: string };

/**
 * Evaluates the SPF policy of a MAIL FROM domain, with mailauth, for one address of every
 * range amazonses.com publishes: SES sends from any of them, so each must pass.
 */
export function collectSesAuthorization(
  ctx: AuditContext,
  mailFromDomain: string,
): Promise<SesAuthorization> {
  return ctx.memo(`spf ses ${mailFromDomain.toLowerCase()}`, async () => {
    const networks = await collectSesNetworks(ctx);
    if (!networks.ok) return networks;

    // Every query of the evaluation goes through the run's shared lookup, like the checks'.
    const samples: SesSample[] = [];
    for (const network of networks.value) {
      const ip = sampleAddress(network);
      const verdict = await evaluateSpf(ctx.dns, { ip, sender: `bounce@${mailFromDomain}` });
      samples.push({ network, ip, verdict });
    }
    return { ok: true, samples };
  });
}

/** The ip4 and ip6 ranges amazonses.com's SPF tree passes, in record order. */
async function collectSesNetworks(
  ctx: AuditContext,
): Promise<{ ok: true; value: string[] } | { ok: false; reason: string }> {
  const policy = await collectSpfTree(ctx, SES_SPF_DOMAIN);
  const unknown = unknownParts(policy);
  // An answer that says nothing either way is not "no valid record": name it as unresolved.
  if (isUndecided(policy.txt)) {
    const state = describeAnswer(policy.txt);
    return {
      ok: false,
      reason: `the SPF record of ${SES_SPF_DOMAIN} could not be resolved (${state})`,
    };
  }
  if (!hasValidRecord(policy)) {
    const state = unknown.length > 0 ? unknown.join('; ') : describeAnswer(policy.txt);
    return { ok: false, reason: `${SES_SPF_DOMAIN} publishes no valid SPF record (${state})` };
  }

  const networks = visitPolicies(policy)
    .filter(({ path }) => path.every((branch) => branch.qualifier === '+'))
    .flatMap(({ policy: visited }) => mechanismsOf(visited))
    .filter((m) => (m.name === 'ip4' || m.name === 'ip6') && m.qualifier === '+')
    .map((m) => m.value!);
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `the SPF tree of ${SES_SPF_DOMAIN} could not be read whole (${unknown.join('; ')})`,
    };
  }
  if (networks.length === 0) {
    return { ok: false, reason: `the SPF record of ${SES_SPF_DOMAIN} passes no ip4 or ip6 range` };
  }
  return { ok: true, value: networks };
}

/** The first host address of a range (the address itself for a single host or a /31). */
export function sampleAddress(network: string): string {
  const [address = '', length] = network.split('/');
  const ip6 = address.includes(':');
  if (length === undefined || Number(length) > (ip6 ? 126 : 30)) return address;
  if (ip6) return address.endsWith('::') ? `${address}1` : address;

  const octets = address.split('.').map(Number);
  const value = octets[0]! * 2 ** 24 + octets[1]! * 2 ** 16 + octets[2]! * 2 ** 8 + octets[3]! + 1;
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
