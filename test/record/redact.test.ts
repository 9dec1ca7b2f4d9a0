import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../src/record/anonymise.js';
import { REDACTED, redactOutput } from '../../src/record/redact.js';

describe('redact', () => {
  it('passes when a Secrets Manager value is replaced and JSON keys are kept', () => {
    const output = { Name: 'smtp', SecretString: '{"username":"AKIA…","password":"s3cr3t"}' };

    const result = redactOutput('secretsmanager', 'GetSecretValue', output);

    expect(result.output).toEqual({
      Name: 'smtp',
      SecretString: `{"username":"${REDACTED}","password":"${REDACTED}"}`,
    });
    expect(result.redacted).toBe('Secrets Manager secret smtp: SecretString');
  });

  it('passes when a binary secret and an SSM parameter value are replaced', () => {
    const binary = redactOutput('secretsmanager', 'GetSecretValue', {
      Name: 'bin',
      SecretBinary: new Uint8Array([1, 2]),
    });
    const parameter = redactOutput('ssm', 'GetParameter', {
      Parameter: { Name: '/smtp/password', Type: 'SecureString', Value: 's3cr3t' },
    });

    expect(binary.output).toEqual({ Name: 'bin', SecretString: REDACTED });
    expect(parameter.output).toEqual({
      Parameter: { Name: '/smtp/password', Type: 'SecureString', Value: REDACTED },
    });
    expect(parameter.redacted).toBe('SSM parameter /smtp/password: Value');
  });

  it('passes when other answers are left as they are', () => {
    const output = { SendingEnabled: true };

    expect(redactOutput('sesv2', 'GetAccount', output)).toEqual({ output });
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
