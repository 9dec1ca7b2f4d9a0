import { SERVICES } from '../aws/commands.js';

/**
 * One sentence for every key of expectations.yaml, by the key's path (`domains[].spf`,
 * `regions.*` for the value under each region name, `sending_paths[smtp]` for the keys of
 * one kind of path). The JSON Schema carries them for editors to show on hover and
 * docs/expectations.md is made from them; a test fails when a key of the schema has no
 * sentence here, or a sentence names a key the schema no longer has.
 */

/** The forms a stored credential can take (src/secrets/read.ts reads them). */
function secretSource(prefix: string, what: string): Record<string, string> {
  return {
    [`${prefix}.env`]: `Name of the environment variable that holds the ${what}.`,
    [`${prefix}.file`]: `Path of a file that holds the ${what}, relative to the expectations file.`,
    [`${prefix}.json_key`]: `Key of the ${what} when the file holds a JSON object.`,
    [`${prefix}.secrets_manager`]: `Read the ${what} from an AWS Secrets Manager secret.`,
    [`${prefix}.secrets_manager.secret_id`]: 'Name or ARN of the secret.',
    [`${prefix}.secrets_manager.json_key`]: `Key of the ${what} when the secret holds a JSON object.`,
    [`${prefix}.secrets_manager.region`]: 'Region of the secret (default: the region of the path).',
    [`${prefix}.ssm`]: `Read the ${what} from an SSM Parameter Store parameter (decrypted).`,
    [`${prefix}.ssm.name`]: 'Name or ARN of the parameter, such as /mailspec/smtp/password.',
    [`${prefix}.ssm.region`]: 'Region of the parameter (default: the region of the path).',
  };
}

function rateLimits(): Record<string, string> {
  return Object.fromEntries(
    Object.keys(SERVICES).flatMap((service) => [
      [`aws.rate_limits.${service}`, `Pace of ${service} calls, per region.`],
      [`aws.rate_limits.${service}.per_second`, `Most ${service} calls started per second.`],
      [`aws.rate_limits.${service}.concurrency`, `Most ${service} calls in flight at once.`],
    ]),
  );
}

const SMTP = 'sending_paths[smtp]';
const API = 'sending_paths[ses-api]';

export const DESCRIPTIONS: Record<string, string> = {
  version: 'Version of the expectations format; 1 is the only one.',
  source:
    'Where the facts come from: `live` (AWS and DNS) or a recorded fixture folder, relative to this file.',

  aws: 'How mailspec talks to AWS on a live run.',
  'aws.profile': 'Named AWS profile to use instead of the default credential chain.',
  'aws.max_attempts':
    'Attempts per AWS call when AWS throttles or has a transient fault (default: 6).',
  'aws.rate_limits': 'Pace of AWS calls per service and region, below the AWS quotas.',
  ...rateLimits(),

  dns: 'Which DNS servers answer the DNS checks, and how.',
  'dns.servers': 'DNS servers to ask, host or host:port (default: the system resolvers).',
  'dns.mode':
    '`recursive` asks the servers above; `authoritative` asks each domain’s own name servers (right after a change).',
  'dns.timeout_ms': 'Milliseconds to wait for one DNS answer before it counts as a timeout.',
  'dns.concurrency': 'Most DNS questions in flight at once.',

  domains: 'Each domain you send mail from.',
  'domains[].domain': 'The sending domain, such as example.com.',
  'domains[].regions': 'Every SES region the domain is sent from; identities are regional.',
  'domains[].route53': 'Check the Route 53 hosted zone of the domain as well.',
  'domains[].route53.hosted_zone':
    'Id of the hosted zone, or `auto` to find the public zone named like the domain.',
  'domains[].dkim': 'What Easy DKIM of the domain must look like.',
  'domains[].dkim.required':
    'DKIM must be verified, signing on, and every token CNAME published in DNS.',
  'domains[].mail_from': 'The custom MAIL FROM domain SES must use for the envelope sender.',
  'domains[].mail_from.domain': 'The MAIL FROM domain, a subdomain such as mail.example.com.',
  'domains[].mail_from.regions':
    'A MAIL FROM domain per region, where it differs from mail_from.domain: its one MX names one region, so each region sending the domain needs its own.',
  'domains[].mail_from.regions.*': 'The MAIL FROM domain SES must use in this region.',
  'domains[].mail_from.behavior_on_mx_failure':
    'What SES must do when the MAIL FROM MX record is missing: `USE_DEFAULT_VALUE` or `REJECT_MESSAGE`.',
  'domains[].spf': 'Limits the SPF records of the domain must keep (RFC 7208 section 4.6.4).',
  'domains[].spf.max_lookups': 'Most DNS-querying SPF terms allowed; RFC 7208 allows 10.',
  'domains[].spf.max_void_lookups': 'Most SPF lookups allowed to find nothing; RFC 7208 allows 2.',
  'domains[].dmarc': 'What the DMARC record at _dmarc of the domain must say.',
  'domains[].dmarc.policy': 'The weakest DMARC policy accepted: `none`, `quarantine` or `reject`.',
  'domains[].dmarc.require_report_authorization':
    'A report address on another domain must be authorised by that domain (RFC 7489 section 7.1).',

  regions: 'Account expectations per SES region, keyed by region name.',
  'regions.*': 'The SES account in one region.',
  'regions.*.production_access':
    'true: the account must be out of the SES sandbox; false: it must still be in it.',
  'regions.*.sending_enabled': 'Sending must be enabled for the account in this region.',
  'regions.*.quota_headroom_percent':
    'Share of the 24-hour sending quota that must still be free, in percent.',
  'regions.*.suppression': 'What the account-level suppression list may hold.',
  'regions.*.suppression.must_reach': 'Addresses that must never be on the suppression list.',
  'regions.*.suppression.max': 'Most suppressed addresses allowed per reason.',
  'regions.*.suppression.max.complaint': 'Most addresses suppressed for complaints.',
  'regions.*.suppression.max.bounce': 'Most addresses suppressed for bounces.',
  'regions.*.suppression.since':
    'Count only addresses suppressed on or after this date (YYYY-MM-DD).',

  sending_paths: 'How mail leaves: SMTP relays and code calling the SES API.',
  [`${SMTP}.name`]: 'Name of the path, as reports show it.',
  [`${SMTP}.kind`]: '`smtp`: a client that sends through the SES SMTP interface.',
  [`${SMTP}.region`]: 'The SES region whose SMTP endpoint the client uses.',
  [`${SMTP}.port`]: 'SMTP port the client connects to: 25, 465, 587, 2465 or 2587.',
  [`${SMTP}.from`]: 'The From address the client sends as.',
  [`${SMTP}.iam_user`]: 'The IAM user whose access key is the SMTP username.',
  [`${SMTP}.credential`]: 'Where the SMTP credential can be read, to check it without sending.',
  [`${SMTP}.credential.username`]: 'The SMTP username (an access key ID), written here or stored.',
  [`${SMTP}.credential.username.value`]: 'The access key ID itself (it is no secret).',
  ...secretSource(`${SMTP}.credential.username`, 'username'),
  [`${SMTP}.credential.password`]: 'Where the stored SMTP password can be read.',
  ...secretSource(`${SMTP}.credential.password`, 'password'),
  [`${SMTP}.credential.secret_access_key`]:
    'Where the secret access key can be read, to derive the expected SMTP password.',
  ...secretSource(`${SMTP}.credential.secret_access_key`, 'secret access key'),
  [`${SMTP}.max_key_age_days`]: 'Oldest the access key behind the SMTP username may be, in days.',
  [`${SMTP}.probe`]:
    'false skips logging in to the SMTP endpoint with the stored credential (on by default for live runs; no mail is sent).',
  [`${SMTP}.sends_to`]: 'Recipient domains this path sends to, for the delivery predictions.',

  [`${API}.name`]: 'Name of the path, as reports show it.',
  [`${API}.kind`]: '`ses-api`: code that calls the SES API, such as a Lambda function.',
  [`${API}.region`]: 'The SES region the code sends through, when no Lambda says it.',
  [`${API}.lambda`]: 'The Lambda function that sends, whose configuration is read.',
  [`${API}.lambda.function`]: 'Name or ARN of the function.',
  [`${API}.lambda.region`]: 'The region the function runs in.',
  [`${API}.lambda.region_env`]:
    'Environment variable of the function that holds the SES region it sends through.',
  [`${API}.lambda.from_env`]: 'Environment variable of the function that holds its From address.',
  [`${API}.role_arn`]:
    'The IAM role the code sends with (the Lambda’s execution role); it also narrows `mailspec policy`.',
  [`${API}.actions`]:
    'The SES actions the role must be allowed: `ses:SendEmail`, `ses:SendRawEmail`.',
  [`${API}.from`]: 'The From address the code sends as.',
  [`${API}.sends_to`]: 'Recipient domains this path sends to, for the delivery predictions.',

  recipients: 'Receiving domains that matter, and what their servers require.',
  'recipients[].domain': 'The receiving domain, such as example.net.',
  'recipients[].provider':
    'Who runs its mail servers, `exchange-online`, `google` or `other`, checked against its MX records.',
  'recipients[].requires':
    'What a message must pass to be accepted: `dmarc-pass` or `dkim-aligned`.',

  waivers:
    'Accepted exceptions: a waived check still runs and is shown, but does not fail the run.',
  'waivers[].check': 'Id of the check waived, such as dmarc.policy.',
  'waivers[].subject':
    'The subject the check judged (a domain, path or recipient), as reports name it.',
  'waivers[].region': 'The region of the subject, for checks run per region.',
  'waivers[].item': 'One item of a check that judges several (an address, a token).',
  'waivers[].reason': 'Why the exception is accepted.',
  'waivers[].expires': 'Date the waiver ends (YYYY-MM-DD); after it the check counts again.',
};
