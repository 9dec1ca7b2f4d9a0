import { describe, expect, it } from 'vitest';
import { READ_COMMANDS } from '../../src/aws/commands.js';
import { parseExpectations } from '../../src/config/load.js';
import { auditPolicyFor } from '../../src/iam/policy.js';

function policyOf(yaml: string) {
  return auditPolicyFor(parseExpectations(yaml, 'expectations.yaml').expectations);
}

const SCOPED = `source: live
domains:
  - domain: example.com
    regions: [eu-west-1]
    route53: { hosted_zone: /hostedzone/Z1EXAMPLE }
  - domain: example.org
    regions: [eu-west-1]
    route53: { hosted_zone: Z2EXAMPLE }
sending_paths:
  - name: relay
    kind: smtp
    region: eu-west-1
    from: admin@example.com
    iam_user: ses-smtp-relay
    credential:
      username: { secrets_manager: { secret_id: mail/relay, json_key: username } }
      password: { ssm: { name: /mail/relay/password, region: us-east-1 } }
      secret_access_key:
        secrets_manager:
          secret_id: arn:aws:secretsmanager:eu-west-1:123456789012:secret:mail/key-AbCdEf
  - name: sender
    kind: ses-api
    lambda: { function: campaign-sender, region: eu-west-1 }
    role_arn: arn:aws:iam::123456789012:role/campaign-sender
    from: admin@example.com
`;

describe('policy', () => {
  it('passes when every resource the file declares is named and nothing else is open', () => {
    const { policy, notes } = policyOf(SCOPED);

    expect(notes).toEqual([]);
    expect(policy.Statement.map(({ Sid, Resource }) => [Sid, Resource])).toEqual([
      ['SesRead', ['*']],
      [
        'Route53Zones',
        ['arn:aws:route53:::hostedzone/Z1EXAMPLE', 'arn:aws:route53:::hostedzone/Z2EXAMPLE'],
      ],
      ['IamSmtpUsers', ['arn:aws:iam::*:user/ses-smtp-relay']],
      ['IamSendingRoles', ['arn:aws:iam::123456789012:role/campaign-sender']],
      ['LambdaFunctions', ['arn:aws:lambda:eu-west-1:*:function:campaign-sender']],
      [
        'CredentialSecrets',
        [
          'arn:aws:secretsmanager:eu-west-1:*:secret:mail/relay-??????',
          'arn:aws:secretsmanager:eu-west-1:123456789012:secret:mail/key-AbCdEf',
        ],
      ],
      ['CredentialParameters', ['arn:aws:ssm:us-east-1:*:parameter/mail/relay/password']],
    ]);
  });

  it('passes when a zone found by name opens the Route 53 reads and nothing unused is granted', () => {
    const { policy } = policyOf(`source: live
domains:
  - domain: example.com
    regions: [us-east-1]
    route53: { hosted_zone: auto }
`);

    expect(policy.Statement).toEqual([
      {
        Sid: 'SesRead',
        Effect: 'Allow',
        Action: [
          'ses:GetAccount',
          'ses:GetEmailIdentity',
          'ses:GetSuppressedDestination',
          'ses:ListEmailIdentities',
          'ses:ListSuppressedDestinations',
        ],
        Resource: ['*'],
      },
      {
        Sid: 'Route53FindZones',
        Effect: 'Allow',
        Action: ['route53:ListHostedZonesByName'],
        Resource: ['*'],
      },
      {
        Sid: 'Route53Zones',
        Effect: 'Allow',
        Action: ['route53:GetHostedZone', 'route53:ListResourceRecordSets'],
        Resource: ['*'],
      },
    ]);
  });

  it('fails open on roles, with a note, when a Lambda path names no role_arn', () => {
    const { policy, notes } = policyOf(`source: live
domains:
  - domain: example.com
    regions: [us-gov-west-1]
sending_paths:
  - name: sender
    kind: ses-api
    lambda: { function: "123456789012:function:sender", region: us-gov-west-1 }
    from: admin@example.com
`);

    expect(policy.Statement.slice(1).map(({ Sid, Resource }) => [Sid, Resource])).toEqual([
      ['IamSendingRoles', ['arn:aws-us-gov:iam::*:role/*']],
      ['LambdaFunctions', ['arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:sender']],
    ]);
    expect(notes).toEqual([
      "sending path sender names no role_arn, so iam:SimulatePrincipalPolicy is granted on every role; add the Lambda's execution role as role_arn to narrow it",
    ]);
  });

  it('fails when a policy grants an action that is not a read command of the gateway', () => {
    // Every kind of resource at once, a zone found by name included, so every command is granted.
    const { policy } = policyOf(
      SCOPED.replace(
        'sending_paths:',
        '  - domain: example.net\n    regions: [eu-west-1]\n    route53: { hosted_zone: auto }\nsending_paths:',
      ),
    );
    const reads = Object.entries(READ_COMMANDS).flatMap(([service, commands]) =>
      Object.keys(commands).map((operation) => `${service}:${operation}`),
    );

    const actions = policy.Statement.flatMap((statement) => statement.Action);

    const prefixes: Record<string, string> = { ses: 'sesv2' };
    const unknown = actions.filter((action) => {
      const [prefix, operation] = action.split(':');
      return !reads.includes(`${prefixes[prefix] ?? prefix}:${operation}`);
    });
    expect(unknown).toEqual([]);
    expect(
      actions.filter((a) => !/^[a-z0-9]+:(Get|List|Describe|Simulate)[A-Za-z]+$/.test(a)),
    ).toEqual([]);
    expect(new Set(actions)).toEqual(new Set(reads.map((r) => r.replace(/^sesv2:/, 'ses:'))));
  });
});
