import { getPublicSuffix } from 'tldts';
import { z } from 'zod';
import { DNS_SERVER_FORMAT, isDnsServer } from '../dns/servers.js';
import { isSesRegion } from '../ses/regions.js';
import { ACCESS_KEY_ID } from '../smtp/password.js';

/**
 * The shape of expectations.yaml. Keys are snake_case, as in most YAML that operators
 * write. Every object is strict: an unknown key is an error (with the nearest valid key),
 * never silently ignored. The JSON Schema for editors is generated from this same schema.
 */

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

// A public suffix (com, co.uk) is where others register names: no one sends mail as it.
const hostname = z
  .string()
  .regex(HOSTNAME, { message: 'expected a domain name such as example.com', abort: true })
  .transform((name) => name.toLowerCase())
  .refine((name) => getPublicSuffix(name) !== name, {
    message:
      'expected a domain of your own, not a public suffix under which anyone registers names',
  });

// RFC 5321 section 4.1.2: a dot-string local part has no leading, trailing or doubled dot,
// and the domain's labels neither start nor end with a hyphen.
const email = z
  .string()
  .regex(/^[^@\s]+@([a-z0-9-]+\.)+[a-z]{2,63}$/i, {
    message: 'expected an email address',
    abort: true,
  })
  .refine((address) => !/^\.|\.\.|\.@/.test(address), {
    message:
      'expected an email address whose part before @ has no leading, trailing or doubled dot',
  })
  .refine((address) => HOSTNAME.test(address.slice(address.lastIndexOf('@') + 1)), {
    message: 'expected an email address whose domain labels do not start or end with a hyphen',
  })
  .transform((address) => address.toLowerCase());

/** Checked against the SES region list by the loader, which also suggests the nearest name. */
export const region = z
  .string()
  .refine((name): boolean => isSesRegion(name), { message: 'unknown region' });

const isoDate = z
  .string()
  // abort: a value that is no date at all gets one message, not a second "real date" one.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD', abort: true })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && validDay(value), {
    message: 'expected a real calendar date',
  });

function validDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === value;
}

/** Where a stored credential can be read. `value` is allowed for the username only. */
const secretSource = z.union([
  // A variable name, never a value: a secret pasted here would otherwise be echoed as a name.
  z.strictObject({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected a variable name' }),
  }),
  z.strictObject({ file: z.string().min(1), json_key: z.string().optional() }),
  z.strictObject({
    secrets_manager: z.strictObject({
      secret_id: z.string().min(1),
      json_key: z.string().optional(),
      region: region.optional(),
    }),
  }),
  z.strictObject({
    ssm: z.strictObject({ name: z.string().min(1), region: region.optional() }),
  }),
]);
const usernameSource = z.union([z.strictObject({ value: z.string().min(1) }), secretSource]);

const domain = z.strictObject({
  domain: hostname,
  regions: z.array(region).min(1),
  route53: z.strictObject({ hosted_zone: z.string().min(1).default('auto') }).optional(),
  dkim: z.strictObject({ required: z.boolean().default(true) }).default({ required: true }),
  mail_from: z
    .strictObject({
      domain: hostname,
      behavior_on_mx_failure: z.enum(['USE_DEFAULT_VALUE', 'REJECT_MESSAGE']).optional(),
      // A MAIL FROM domain's one MX names one region's feedback endpoint, so a domain sent
      // from several regions gives each its own MAIL FROM subdomain here.
      regions: z.record(region, hostname).optional(),
    })
    .optional(),
  spf: z
    .strictObject({
      max_lookups: z.number().int().min(1).max(10).default(10),
      max_void_lookups: z.number().int().min(0).max(2).default(2),
    })
    .default({ max_lookups: 10, max_void_lookups: 2 }),
  dmarc: z
    .strictObject({
      policy: z.enum(['none', 'quarantine', 'reject']).default('none'),
      require_report_authorization: z.boolean().default(true),
    })
    .default({ policy: 'none', require_report_authorization: true }),
});

const suppression = z.strictObject({
  must_reach: z.array(email).default([]),
  max: z
    .strictObject({
      complaint: z.number().int().min(0).optional(),
      bounce: z.number().int().min(0).optional(),
    })
    .optional(),
  since: isoDate.optional(),
});

const regionExpectation = z.strictObject({
  production_access: z.boolean().optional(),
  sending_enabled: z.boolean().default(true),
  quota_headroom_percent: z.number().min(0).max(100).default(20),
  suppression: suppression.optional(),
});

const smtpPathFields = z.strictObject({
  name: z.string().min(1),
  kind: z.literal('smtp'),
  region: region,
  port: z
    .union([z.literal(25), z.literal(465), z.literal(587), z.literal(2465), z.literal(2587)])
    .default(587),
  from: email,
  // IAM user names: letters, digits and +=,.@_- up to 64 (so no wildcard can widen a policy).
  iam_user: z.string().regex(/^[\w+=,.@-]{1,64}$/, {
    message: 'expected an IAM user name (letters, digits and +=,.@_-, at most 64)',
  }),
  credential: z.strictObject({
    username: usernameSource.optional(),
    password: secretSource.optional(),
    secret_access_key: secretSource.optional(),
  }),
  max_key_age_days: z.number().int().min(1).default(90),
  probe: z.boolean().optional(),
  sends_to: z.array(hostname).default([]),
});

// A username written in the file must be a key ID. A password or secret key pasted there by
// mistake must not be echoed, so the message gives its length only (`conceal`, issues.ts).
const smtpPath = smtpPathFields.superRefine(({ credential: { username } }, ctx) => {
  if (username && 'value' in username && !ACCESS_KEY_ID.test(username.value)) {
    ctx.addIssue({
      code: 'custom',
      path: ['credential', 'username', 'value'],
      message: 'expected an IAM access key ID (AKIA and 16 upper-case letters or digits)',
      params: { conceal: true },
    });
  }
});

const sesApiPath = z.strictObject({
  name: z.string().min(1),
  kind: z.literal('ses-api'),
  region: region.optional(),
  lambda: z
    .strictObject({
      // A function name, its ARN or partial ARN (optionally with a version or alias), never a
      // pattern, as GetFunctionConfiguration takes them.
      function: z
        .string()
        .regex(
          /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?$/,
          {
            message: 'expected a Lambda function name or ARN',
          },
        ),
      region: region,
      region_env: z.string().optional(),
      from_env: z.string().optional(),
    })
    .optional(),
  role_arn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, { message: 'expected an IAM role ARN' })
    .optional(),
  actions: z
    .array(z.enum(['ses:SendEmail', 'ses:SendRawEmail']))
    .min(1)
    .default(['ses:SendEmail']),
  from: email,
  sends_to: z.array(hostname).default([]),
});

const recipient = z.strictObject({
  domain: hostname,
  provider: z.enum(['exchange-online', 'google', 'other']).optional(),
  requires: z.enum(['dmarc-pass', 'dkim-aligned']).default('dmarc-pass'),
});

const waiver = z.strictObject({
  check: z.string().min(1),
  subject: z.string().min(1),
  region: region.optional(),
  /** One item of a check that judges several (an address, a token), as the report names it. */
  item: z.string().min(1).optional(),
  reason: z.string().trim().min(1, { message: 'a waiver needs a reason' }),
  expires: isoDate,
});

const rateLimit = z.strictObject({
  per_second: z.number().positive(),
  concurrency: z.number().int().min(1).optional(),
});

export const expectationsSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** `live`, or a fixture folder relative to this file that holds a recording. */
  source: z.string().min(1),
  aws: z
    .strictObject({
      profile: z.string().optional(),
      max_attempts: z.number().int().min(1).max(20).optional(),
      rate_limits: z
        .strictObject({
          sesv2: rateLimit.optional(),
          route53: rateLimit.optional(),
          iam: rateLimit.optional(),
          lambda: rateLimit.optional(),
          secretsmanager: rateLimit.optional(),
          ssm: rateLimit.optional(),
        })
        .optional(),
    })
    .optional(),
  dns: z
    .strictObject({
      servers: z
        .array(z.string().refine(isDnsServer, { message: `expected ${DNS_SERVER_FORMAT}` }))
        .default([]),
      mode: z.enum(['recursive', 'authoritative']).default('recursive'),
      timeout_ms: z.number().int().min(100).max(60000).default(3000),
      concurrency: z.number().int().min(1).max(1000).default(64),
    })
    .optional(),
  domains: z.array(domain).min(1),
  regions: z.record(region, regionExpectation).optional(),
  sending_paths: z.array(z.discriminatedUnion('kind', [smtpPath, sesApiPath])).default([]),
  recipients: z.array(recipient).default([]),
  waivers: z.array(waiver).default([]),
});

export type Expectations = z.output<typeof expectationsSchema>;
export type DomainExpectation = Expectations['domains'][number];
export type RegionExpectation = z.output<typeof regionExpectation>;
export type SendingPath = Expectations['sending_paths'][number];
export type SmtpPath = z.output<typeof smtpPath>;
export type SesApiPath = z.output<typeof sesApiPath>;
export type RecipientExpectation = z.output<typeof recipient>;
export type Waiver = z.output<typeof waiver>;
export type SecretSource = z.output<typeof secretSource>;
export type UsernameSource = z.output<typeof usernameSource>;
