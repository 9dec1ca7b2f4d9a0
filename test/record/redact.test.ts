import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../src/record/anonymise.js';
import { REDACTED, redactOutput, type AnsweredCall } from '../../src/record/redact.js';

const answered = (
  service: AnsweredCall['service'],
  operation: string,
  output: Record<string, unknown>,
  input: Record<string, unknown> = {},
): AnsweredCall => ({ service, region: 'us-east-1', operation, input, output });

describe('redact', () => {
  it('passes when a Secrets Manager value is replaced and JSON keys are kept', () => {
    const output = { Name: 'smtp', SecretString: '{"username":"AKIA…","password":"s3cr3t"}' };

    const result = redactOutput(answered('secretsmanager', 'GetSecretValue', output));

    expect(result.output).toEqual({
      Name: 'smtp',
      SecretString: `{"username":"${REDACTED}","password":"${REDACTED}"}`,
    });
    expect(result.redacted).toEqual(['Secrets Manager secret smtp: SecretString']);
  });

  it('passes when a binary secret and an SSM parameter value are replaced', () => {
    const binary = redactOutput(
      answered('secretsmanager', 'GetSecretValue', {
        Name: 'bin',
        SecretBinary: new Uint8Array([1, 2]),
      }),
    );
    const parameter = redactOutput(
      answered('ssm', 'GetParameter', {
        Parameter: { Name: '/smtp/password', Type: 'SecureString', Value: 's3cr3t' },
      }),
    );

    expect(binary.output).toEqual({ Name: 'bin', SecretString: REDACTED });
    expect(parameter.output).toEqual({
      Parameter: { Name: '/smtp/password', Type: 'SecureString', Value: REDACTED },
    });
    expect(parameter.redacted).toEqual(['SSM parameter /smtp/password: Value']);
  });

  it('passes when every Lambda variable but the named region and From variables is replaced', () => {
    const call = answered(
      'lambda',
      'GetFunctionConfiguration',
      {
        FunctionName: 'sender',
        Environment: {
          Variables: {
            SES_REGION: 'eu-west-1',
            FROM_ADDRESS: 'news@example.com',
            DB_PASSWORD: 'hunter2-db',
            STRIPE_KEY: 'sk_live_51abc',
          },
        },
      },
      { FunctionName: 'sender' },
    );
    const kept = (name: string, region: string) =>
      new Set(name === 'sender' && region === 'us-east-1' ? ['SES_REGION', 'FROM_ADDRESS'] : []);

    const result = redactOutput(call, { keptVariables: kept });

    expect(result.output).toEqual({
      FunctionName: 'sender',
      Environment: {
        Variables: {
          SES_REGION: 'eu-west-1',
          FROM_ADDRESS: 'news@example.com',
          DB_PASSWORD: REDACTED,
          STRIPE_KEY: REDACTED,
        },
      },
    });
    expect(result.redacted).toEqual([
      'Lambda function sender in us-east-1: environment variable DB_PASSWORD',
      'Lambda function sender in us-east-1: environment variable STRIPE_KEY',
    ]);
  });

  it('fails when a Lambda variable survives while the expectations name none', () => {
    const call = answered('lambda', 'GetFunctionConfiguration', {
      FunctionName: 'sender',
      Environment: { Variables: { SES_REGION: 'eu-west-1' } },
    });

    const result = redactOutput(call);

    expect(result.output).toEqual({
      FunctionName: 'sender',
      Environment: { Variables: { SES_REGION: REDACTED } },
    });
    expect(result.redacted).toEqual([
      'Lambda function sender in us-east-1: environment variable SES_REGION',
    ]);
  });

  it('passes when tag values of an IAM user and an SES identity are replaced, keys kept', () => {
    const user = redactOutput(
      answered('iam', 'GetUser', {
        User: { UserName: 'relay', Tags: [{ Key: 'api-token', Value: 'tok-123' }] },
      }),
    );
    const identity = redactOutput(
      answered(
        'sesv2',
        'GetEmailIdentity',
        { VerifiedForSendingStatus: true, Tags: [{ Key: 'owner', Value: 'ops@example.com' }] },
        { EmailIdentity: 'example.com' },
      ),
    );

    expect(user.output).toEqual({
      User: { UserName: 'relay', Tags: [{ Key: 'api-token', Value: REDACTED }] },
    });
    expect(user.redacted).toEqual(['IAM user relay: tag api-token']);
    expect(identity.output).toEqual({
      VerifiedForSendingStatus: true,
      Tags: [{ Key: 'owner', Value: REDACTED }],
    });
    expect(identity.redacted).toEqual(['SES identity example.com in us-east-1: tag owner']);
  });

  it('passes when other answers are left as they are', () => {
    const output = { SendingEnabled: true };

    expect(redactOutput(answered('sesv2', 'GetAccount', output))).toEqual({
      output,
      redacted: [],
    });
  });
});

describe('anonymise', () => {
  it('passes when the same account id and key id always get the same placeholder', () => {
    const anonymiser = createAnonymiser();
    // Realistic key ids, built at run time so that no tracked file holds one.
    const longTerm = ['AKIA', 'Z7Q2XW4REALKEY01'].join('');
    const temporary = ['ASIA', 'Z7Q2XW4REALKEY02'].join('');

    const values = anonymiser.deep({
      a: 'arn:aws:iam::987654321098:role/x',
      b: ['arn:aws:lambda:us-east-1:987654321098:function:f', '111122223333'],
      c: `key ${longTerm} and ${temporary}`,
      d: 'arn:aws:iam::123456789012:root AKIAIOSFODNN7EXAMPLE',
    });

    expect(values).toEqual({
      a: 'arn:aws:iam::000000000001:role/x',
      b: ['arn:aws:lambda:us-east-1:000000000001:function:f', '000000000002'],
      c: 'key AKIA000000001EXAMPLE and ASIA000000002EXAMPLE',
      d: 'arn:aws:iam::123456789012:root AKIAIOSFODNN7EXAMPLE',
    });
    expect(anonymiser.counts()).toEqual({ accountIds: 2, accessKeyIds: 2 });
  });
});
