import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { describeFailure, type AwsResult } from '../aws/gateway.js';
import type { Expectations, SendingPath, SesApiPath } from '../config/schema.js';
import type { AuditContext } from '../engine/context.js';
import { isSesRegion } from '../ses/regions.js';
import { collectIdentity, type IdentityFacts } from './identity.js';

export type LambdaFacts = AwsResult<FunctionConfiguration>;

/** How a path really sends: which region, as which From address, and how we know. */
export type SendingSetup =
  | {
      ok: true;
      region: string;
      /** Where the region came from: "SES_REGION=us-west-2 in Lambda x", "declared region". */
      regionSource: string;
      from: string;
      fromSource: string;
    }
  | { ok: false; reason: string };

/** The Lambda function behind an ses-api path, read once per run. */
export function collectLambda(ctx: AuditContext, path: SesApiPath): Promise<LambdaFacts> | null {
  if (!path.lambda) return null;
  return ctx.aws.call<FunctionConfiguration>(
    'lambda',
    path.lambda.region,
    'GetFunctionConfiguration',
    {
      FunctionName: path.lambda.function,
    },
  );
}

/** The Lambda facts of any path (null for SMTP paths and ses-api paths without a Lambda). */
export async function lambdaOf(ctx: AuditContext, path: SendingPath): Promise<LambdaFacts | null> {
  return path.kind === 'ses-api' ? collectLambda(ctx, path) : null;
}

/** A named environment variable of the function, never any other (they may hold secrets). */
export function environmentValue(lambda: FunctionConfiguration, name: string | undefined) {
  return name ? lambda.Environment?.Variables?.[name] : undefined;
}

/**
 * The region and From address a path sends with. For a Lambda these come from the
 * environment variables the expectations name; a named region variable that is unset leaves
 * the SDK on the function's own region (AWS_REGION), and with no region variable named the
 * declared region is taken. An unset From variable leaves the declared From.
 * https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-region.html
 */
export function sendingSetup(path: SendingPath, lambda: LambdaFacts | null): SendingSetup {
  const declared = (region: string): SendingSetup => ({
    ok: true,
    region,
    regionSource: 'declared region',
    from: path.from,
    fromSource: 'declared from',
  });
  if (path.kind === 'smtp') return declared(path.region);
  if (!path.lambda || !lambda) {
    if (!path.region)
      return { ok: false, reason: `${path.name} declares neither region nor lambda` };
    return declared(path.region);
  }
  if (!lambda.ok) {
    return {
      ok: false,
      reason: `Lambda ${path.lambda.function} could not be read: ${describeFailure(lambda)}`,
    };
  }

  const { function: name, region_env: regionEnv, from_env: fromEnv } = path.lambda;
  const configuredRegion = environmentValue(lambda.value, regionEnv);
  const configuredFrom = environmentValue(lambda.value, fromEnv);
  if (configuredRegion !== undefined && !isSesRegion(configuredRegion)) {
    return {
      ok: false,
      reason: `${regionEnv}=${configuredRegion} in Lambda ${name} is not an SES region`,
    };
  }
  const region = regionOfLambda(path, configuredRegion);
  return {
    ok: true,
    region: region.region,
    regionSource: region.source,
    from: configuredFrom === undefined ? path.from : addressOf(configuredFrom),
    fromSource: configuredFrom ? `${fromEnv}=${configuredFrom} in Lambda ${name}` : 'declared from',
  };
}

function regionOfLambda(path: SesApiPath, configured: string | undefined) {
  const { function: name, region: home, region_env: variable } = path.lambda!;
  if (configured !== undefined) {
    return { region: configured, source: `${variable}=${configured} in Lambda ${name}` };
  }
  if (variable) {
    return { region: home, source: `${variable} unset, so the region of Lambda ${name}` };
  }
  return path.region
    ? { region: path.region, source: 'declared region' }
    : { region: home, source: `the region of Lambda ${name}` };
}

/**
 * The address of a From value: `Charter <admin@example.com>` (RFC 5322 section 3.4) gives
 * the part in angle brackets, a bare address itself; lower-cased for comparison.
 */
export function addressOf(value: string): string {
  const angled = /<([^<>]+)>\s*$/.exec(value);
  return (angled ? angled[1] : value).trim().toLowerCase();
}

/** Collects the Lambda (if any) and works out the sending setup; memoised per path. */
export function collectSendingSetup(ctx: AuditContext, path: SendingPath): Promise<SendingSetup> {
  return ctx.memo(`sending-setup ${path.name}`, async () =>
    sendingSetup(path, await lambdaOf(ctx, path)),
  );
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The SES identity a From domain sends as: the declared domain it equals or is a subdomain
 * of (SES lets a verified domain send from its subdomains), else the domain itself.
 * https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html
 */
export function identityDomainFor(expectations: Expectations, fromDomain: string): string {
  const declared = declaredDomains(expectations);
  // The longest declared name that covers the From domain: walk up its labels.
  for (let name = fromDomain; name.includes('.'); name = name.slice(name.indexOf('.') + 1)) {
    if (declared.has(name)) return name;
  }
  return fromDomain;
}

/** The declared domains as a set, made once per loaded file (a large setup asks often). */
const domainSets = new WeakMap<Expectations, Set<string>>();
function declaredDomains(expectations: Expectations): Set<string> {
  let set = domainSets.get(expectations);
  if (!set) {
    set = new Set(expectations.domains.map((d) => d.domain));
    domainSets.set(expectations, set);
  }
  return set;
}

/** A path's sending setup and the SES identity of its From domain in its sending region. */
export interface PathIdentityFacts {
  setup: SendingSetup;
  identityDomain?: string;
  identity?: IdentityFacts;
}

export async function collectPathIdentity(
  ctx: AuditContext,
  path: SendingPath,
): Promise<PathIdentityFacts> {
  const setup = await collectSendingSetup(ctx, path);
  if (!setup.ok) return { setup };
  const identityDomain = identityDomainFor(ctx.loaded.expectations, domainOf(setup.from));
  const identity = await collectIdentity(ctx, identityDomain, setup.region);
  return { setup, identityDomain, identity };
}
