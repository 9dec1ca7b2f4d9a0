import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { PlannedCall } from '../src/engine/plan.js';
import type { ZoneRecord } from '../src/dns/zone.js';
import { dkimTargetDomain, feedbackMx } from '../src/ses/regions.js';

/**
 * A synthetic, healthy setup of N domains × R regions × P sending paths: the expectations,
 * the zone public DNS serves, and an answer for every AWS call the audit can make about it.
 * Everything is derived from the names, so the same N always gives the same fixture.
 */
export interface World {
  expectations: string;
  zone: ZoneRecord[];
  answer(call: PlannedCall): unknown;
}

export interface WorldShape {
  domains: number;
  regions: number;
  paths: number;
  /** Written into `aws.rate_limits` and `dns.concurrency`, so the run paces as configured. */
  rateLimits: Record<string, { per_second: number; concurrency: number }>;
  dnsConcurrency: number;
}

const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2'];
const NAME_SERVERS = ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.co.uk', 'ns-3.awsdns-03.net'];
const RECIPIENTS = ['partner-a.test', 'partner-b.test'];
const ACCOUNT = '111122223333';
const CREATED = new Date('2026-10-01T00:00:00Z');

const domainName = (i: number) => `shop-${String(i).padStart(4, '0')}.test`;
const hash = (text: string) => createHash('sha256').update(text).digest('hex');
/** Easy DKIM tokens are 32 lowercase characters; three per identity and region. */
const tokens = (domain: string, region: string) =>
  [1, 2, 3].map((n) => hash(`${domain} ${region} ${n}`).slice(0, 32));
/** AWS's documented example shape, so no string looks like a real access key id. */
const keyId = (user: string) => `AKIA${hash(user).slice(0, 9).toUpperCase()}EXAMPLE`;

interface Lookups {
  byDomain: Map<string, ZoneRecord[]>;
  paths: Map<string, PathInfo>;
  zoneDomains: Map<string, string>;
  keyUsers: Map<string, string>;
}

interface PathInfo {
  domain: string;
  region: string;
  from: string;
}

export function buildWorld(shape: WorldShape): World {
  const regions = REGIONS.slice(0, shape.regions);
  const domains = Array.from({ length: shape.domains }, (_, i) => domainName(i + 1));
  const zone: ZoneRecord[] = [
    { name: 'amazonses.com', type: 'TXT', data: 'v=spf1 ip4:54.240.0.0/18 -all' },
  ];
  const byDomain = new Map<string, ZoneRecord[]>();
  const paths = new Map<string, PathInfo>();
  const sendingPaths: object[] = [];

  for (const [i, domain] of domains.entries()) {
    const records: ZoneRecord[] = [
      { name: domain, type: 'TXT', data: 'v=spf1 include:amazonses.com -all' },
      ...NAME_SERVERS.map((ns): ZoneRecord => ({ name: domain, type: 'NS', data: ns })),
      {
        name: `_dmarc.${domain}`,
        type: 'TXT',
        data: `v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}`,
      },
      {
        name: `mail.${domain}`,
        type: 'MX',
        data: { exchange: feedbackMx(regions[0]), priority: 10 },
      },
      { name: `mail.${domain}`, type: 'TXT', data: 'v=spf1 include:amazonses.com -all' },
      ...regions.flatMap((region) =>
        tokens(domain, region).map((token): ZoneRecord => ({
          name: `${token}._domainkey.${domain}`,
          type: 'CNAME',
          data: `${token}.${dkimTargetDomain(region)}`,
        })),
      ),
    ];
    byDomain.set(domain, records);
    zone.push(...records);

    for (let p = 0; p < shape.paths; p++) {
      const region = regions[p % regions.length];
      const name = `path-${i + 1}-${p + 1}`;
      const from = `sender${p + 1}@${domain}`;
      paths.set(name, { domain, region, from });
      sendingPaths.push(p % 2 === 0 ? smtpPath(name, region, from) : apiPath(name, region, from));
    }
  }
  for (const recipient of RECIPIENTS) {
    zone.push({ name: recipient, type: 'MX', data: { exchange: `mx.${recipient}`, priority: 10 } });
  }

  const expectations = stringify(
    {
      version: 1,
      source: '.',
      aws: { max_attempts: 8, rate_limits: shape.rateLimits },
      dns: { concurrency: shape.dnsConcurrency, timeout_ms: 5000 },
      domains: domains.map((domain) => ({
        domain,
        regions,
        route53: { hosted_zone: 'auto' },
        mail_from: { domain: `mail.${domain}` },
        dmarc: { policy: 'quarantine' },
      })),
      regions: Object.fromEntries(
        regions.map((region) => [
          region,
          {
            production_access: true,
            suppression: { must_reach: [`postmaster@${RECIPIENTS[0]}`], max: { complaint: 5 } },
          },
        ]),
      ),
      sending_paths: sendingPaths,
      recipients: RECIPIENTS.map((domain) => ({ domain, provider: 'other' })),
    },
    { aliasDuplicateObjects: false },
  );

  const lookups: Lookups = {
    byDomain,
    paths,
    zoneDomains: new Map(domains.map((domain) => [zoneId(domain), domain])),
    keyUsers: new Map([...paths.keys()].map((name) => [keyId(name), name])),
  };
  return { expectations, zone, answer: (call) => answerFor(call, lookups) };
}

function smtpPath(name: string, region: string, from: string) {
  return {
    name,
    kind: 'smtp',
    region,
    from,
    iam_user: name,
    credential: { username: { value: keyId(name) } },
    sends_to: [RECIPIENTS[0]],
  };
}

function apiPath(name: string, region: string, from: string) {
  return {
    name,
    kind: 'ses-api',
    lambda: { function: name, region, region_env: 'SES_REGION', from_env: 'FROM_ADDRESS' },
    actions: ['ses:SendRawEmail'],
    from,
    sends_to: [RECIPIENTS[1]],
  };
}

/** What AWS would answer in this setup; an unknown name is NotFound, as AWS says it. */
function answerFor({ service, region, operation, input }: PlannedCall, world: Lookups): unknown {
  const asked = input as Record<string, string & string[]>;
  const notFound = () => {
    const error = new Error(`${operation}: not found`);
    throw Object.assign(error, { name: 'NotFoundException', $metadata: { httpStatusCode: 404 } });
  };
  switch (`${service} ${operation}`) {
    case 'sesv2 GetEmailIdentity': {
      if (!world.byDomain.has(asked.EmailIdentity)) return notFound();
      return identity(asked.EmailIdentity, region);
    }
    case 'sesv2 GetAccount':
      return {
        ProductionAccessEnabled: true,
        SendingEnabled: true,
        EnforcementStatus: 'HEALTHY',
        SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 1200 },
        SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      };
    case 'sesv2 ListSuppressedDestinations':
      return { SuppressedDestinationSummaries: [] };
    case 'sesv2 GetSuppressedDestination':
      return notFound();
    case 'route53 ListHostedZonesByName': {
      const zoneName = asked.DNSName;
      if (!world.byDomain.has(zoneName)) return { HostedZones: [], IsTruncated: false };
      const zone = {
        Id: `/hostedzone/${zoneId(zoneName)}`,
        Name: `${zoneName}.`,
        Config: { PrivateZone: false },
      };
      return { HostedZones: [zone], DNSName: zoneName, IsTruncated: false };
    }
    case 'route53 GetHostedZone': {
      const zoneName = world.zoneDomains.get(asked.Id);
      if (!zoneName) return notFound();
      return {
        HostedZone: {
          Id: `/hostedzone/${asked.Id}`,
          Name: `${zoneName}.`,
          Config: { PrivateZone: false },
        },
        DelegationSet: { NameServers: NAME_SERVERS },
      };
    }
    case 'route53 ListResourceRecordSets': {
      const zoneName = world.zoneDomains.get(asked.HostedZoneId);
      return {
        ResourceRecordSets: recordSets(world.byDomain.get(zoneName ?? '') ?? []),
        IsTruncated: false,
      };
    }
    case 'lambda GetFunctionConfiguration': {
      const path = world.paths.get(asked.FunctionName) ?? notFound();
      return {
        FunctionName: asked.FunctionName,
        Role: `arn:aws:iam::${ACCOUNT}:role/${asked.FunctionName}`,
        Environment: { Variables: { SES_REGION: path.region, FROM_ADDRESS: path.from } },
      };
    }
    case 'iam ListAccessKeys':
      return {
        AccessKeyMetadata: [
          {
            UserName: asked.UserName,
            AccessKeyId: keyId(asked.UserName),
            Status: 'Active',
            CreateDate: CREATED,
          },
        ],
      };
    case 'iam GetAccessKeyLastUsed': {
      const user = world.keyUsers.get(asked.AccessKeyId);
      const path = world.paths.get(user ?? '') ?? notFound();
      return {
        UserName: user,
        AccessKeyLastUsed: { LastUsedDate: CREATED, ServiceName: 'ses', Region: path.region },
      };
    }
    case 'iam GetUser':
      return {
        User: {
          UserName: asked.UserName,
          Arn: `arn:aws:iam::${ACCOUNT}:user/${asked.UserName}`,
          UserId: 'AIDAEXAMPLE',
          Path: '/',
          CreateDate: CREATED,
        },
      };
    case 'iam SimulatePrincipalPolicy':
      return {
        EvaluationResults: asked.ActionNames.flatMap((action) =>
          (input as { ResourceArns: string[] }).ResourceArns.map((arn) => ({
            EvalActionName: action,
            EvalResourceName: arn,
            EvalDecision: 'allowed',
          })),
        ),
      };
    default:
      throw new Error(`the benchmark world has no answer for ${service} ${operation}`);
  }
}

function identity(domain: string, region: string) {
  return {
    IdentityType: 'DOMAIN',
    VerificationStatus: 'SUCCESS',
    VerifiedForSendingStatus: true,
    DkimAttributes: {
      SigningEnabled: true,
      Status: 'SUCCESS',
      Tokens: tokens(domain, region),
      SigningAttributesOrigin: 'AWS_SES',
    },
    MailFromAttributes: {
      MailFromDomain: `mail.${domain}`,
      MailFromDomainStatus: 'SUCCESS',
      BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
    },
  };
}

const zoneId = (domain: string) => `Z${hash(domain).slice(0, 18).toUpperCase()}`;

/** The zone's records as Route 53 lists them: absolute names, TXT quoted, MX "priority host". */
function recordSets(records: ZoneRecord[]) {
  const sets = new Map<
    string,
    { Name: string; Type: string; TTL: number; ResourceRecords: { Value: string }[] }
  >();
  for (const record of records) {
    const key = `${record.name} ${record.type}`;
    const set = sets.get(key) ?? {
      Name: `${record.name}.`,
      Type: record.type,
      TTL: 300,
      ResourceRecords: [],
    };
    const data = record.data as string | { exchange: string; priority: number };
    const value =
      record.type === 'TXT'
        ? `"${String(data)}"`
        : record.type === 'MX' && typeof data === 'object'
          ? `${data.priority} ${data.exchange}.`
          : `${String(data)}.`;
    set.ResourceRecords.push({ Value: value });
    sets.set(key, set);
  }
  return [...sets.values()];
}
