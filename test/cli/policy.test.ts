import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { READ_COMMANDS, permissionFor, type ServiceName } from '../../src/aws/commands.js';
import { runMain } from '../support/cli.js';

const cli = runMain;

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The policy of the root expectations.yaml, the bundled example, as reviewed. */
const EXAMPLE_POLICY = {
  Version: '2012-10-17',
  Statement: [
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
      Sid: 'Route53Zones',
      Effect: 'Allow',
      Action: ['route53:GetHostedZone', 'route53:ListResourceRecordSets'],
      Resource: ['arn:aws:route53:::hostedzone/Z0123456789EXAMPLE0AB'],
    },
    {
      Sid: 'IamSmtpUsers',
      Effect: 'Allow',
      Action: [
        'iam:GetAccessKeyLastUsed',
        'iam:GetUser',
        'iam:ListAccessKeys',
        'iam:SimulatePrincipalPolicy',
      ],
      Resource: ['arn:aws:iam::*:user/ses-smtp-gmail-alias'],
    },
    {
      Sid: 'IamSendingRoles',
      Effect: 'Allow',
      Action: ['iam:SimulatePrincipalPolicy'],
      Resource: ['arn:aws:iam::111122223333:role/example-newsletter-sender-role'],
    },
    {
      Sid: 'LambdaFunctions',
      Effect: 'Allow',
      Action: ['lambda:GetFunctionConfiguration'],
      Resource: ['arn:aws:lambda:us-east-1:*:function:example-newsletter-sender'],
    },
  ],
};

describe('policy', () => {
  afterEach(() => vi.restoreAllMocks());

  it('passes when `mailspec policy` prints the scoped policy of the bundled example', async () => {
    const run = await cli(['policy', '--expectations', resolve(ROOT, 'expectations.yaml')]);

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual(EXAMPLE_POLICY);
    expect(run.stdout).toBe(`${JSON.stringify(EXAMPLE_POLICY, null, 2)}\n`);
  });

  it('fails when the example policy grants an action that is not a read the audit sends', async () => {
    const reads = Object.entries(READ_COMMANDS).flatMap(([service, commands]) =>
      Object.keys(commands).map((operation) => permissionFor(service as ServiceName, operation)),
    );

    const run = await cli(['policy', '--expectations', resolve(ROOT, 'expectations.yaml')]);
    const actions: string[] = JSON.parse(run.stdout).Statement.flatMap(
      (statement: { Action: string[] }) => statement.Action,
    );

    expect(actions.filter((action) => !reads.includes(action))).toEqual([]);
    expect(actions.filter((action) => !/:(Get|List|Simulate)[A-Za-z]+$/.test(action))).toEqual([]);
  });

  it('fails with a usage error for an option it does not take', async () => {
    const run = await cli(['policy', '--out', 'x']);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "mailspec: policy: Unknown option '--out' (see mailspec --help) [MAILSPEC_USAGE]\n",
    });
  });
});
