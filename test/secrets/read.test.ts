import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAwsGateway } from '../../src/aws/gateway.js';
import { readSecretSource } from '../../src/secrets/read.js';

const secretsManager = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);
afterEach(() => {
  secretsManager.reset();
  ssm.reset();
});

const PASSWORD = 'BMXhUYlu5Z3gSXVQORxlVa7XPaz91aGWdfHxvkOZdWZ2';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mailspec-secrets-'));
  writeFileSync(join(dir, 'password'), `${PASSWORD}\n`);
  writeFileSync(join(dir, 'smtp.json'), JSON.stringify({ password: PASSWORD }));
  writeFileSync(join(dir, 'broken.json'), `{"password": "${PASSWORD}"`);
});

const options = (env: NodeJS.ProcessEnv = {}) => ({
  aws: createAwsGateway({ sleep: async () => {}, maxAttempts: 1 }),
  region: 'us-east-1',
  baseDir: dir,
  env,
});

describe('readSecretSource', () => {
  it('reads an environment variable', async () => {
    const value = await readSecretSource(
      { env: 'SMTP_PASSWORD' },
      options({ SMTP_PASSWORD: PASSWORD }),
    );

    expect(value).toEqual({
      ok: true,
      value: PASSWORD,
      where: 'environment variable SMTP_PASSWORD',
    });
  });

  it('reports an unset environment variable by name only', async () => {
    const value = await readSecretSource({ env: 'SMTP_PASSWORD' }, options());

    expect(value).toEqual({
      ok: false,
      reason: 'it is not set',
      where: 'environment variable SMTP_PASSWORD',
    });
  });

  it('reads a file relative to the expectations folder, without its final newline', async () => {
    const value = await readSecretSource({ file: 'password' }, options());

    expect(value).toEqual({ ok: true, value: PASSWORD, where: `file ${join(dir, 'password')}` });
  });

  it('reads one key of a JSON file', async () => {
    const value = await readSecretSource({ file: 'smtp.json', json_key: 'password' }, options());

    expect(value).toEqual({
      ok: true,
      value: PASSWORD,
      where: `key password of file ${join(dir, 'smtp.json')}`,
    });
  });

  it('reports a file that is not JSON without quoting its content', async () => {
    const value = await readSecretSource({ file: 'broken.json', json_key: 'password' }, options());

    expect(value).toEqual({
      ok: false,
      reason: 'it is not a JSON object',
      where: `key password of file ${join(dir, 'broken.json')}`,
    });
  });

  it('reports a missing file', async () => {
    const value = await readSecretSource({ file: 'absent' }, options());

    expect(value).toEqual({
      ok: false,
      reason: 'the file does not exist',
      where: `file ${join(dir, 'absent')}`,
    });
  });

  it('reads a key of a Secrets Manager secret in its own region', async () => {
    secretsManager
      .on(GetSecretValueCommand, { SecretId: 'mail/smtp' })
      .resolves({ SecretString: JSON.stringify({ password: PASSWORD }) });

    const value = await readSecretSource(
      { secrets_manager: { secret_id: 'mail/smtp', json_key: 'password', region: 'eu-west-1' } },
      options(),
    );

    expect(value).toEqual({
      ok: true,
      value: PASSWORD,
      where: 'key password of Secrets Manager secret mail/smtp in eu-west-1',
    });
    const client = secretsManager.call(0).thisValue as SecretsManagerClient;
    expect(await client.config.region()).toBe('eu-west-1');
  });

  it('reports a Secrets Manager access denial with the permission it needs', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));

    const value = await readSecretSource(
      { secrets_manager: { secret_id: 'mail/smtp' } },
      options(),
    );

    expect(value).toEqual({
      ok: false,
      reason: 'access denied (the audit role needs secretsmanager:GetSecretValue)',
      where: 'Secrets Manager secret mail/smtp in us-east-1',
    });
  });

  it('reads an SSM SecureString parameter with decryption', async () => {
    ssm.on(GetParameterCommand, { Name: '/mail/smtp-password', WithDecryption: true }).resolves({
      Parameter: { Name: '/mail/smtp-password', Type: 'SecureString', Value: PASSWORD },
    });

    const value = await readSecretSource({ ssm: { name: '/mail/smtp-password' } }, options());

    expect(value).toEqual({
      ok: true,
      value: PASSWORD,
      where: 'SSM parameter /mail/smtp-password in us-east-1',
    });
    expect(ssm.commandCalls(GetParameterCommand)[0].args[0].input).toEqual({
      Name: '/mail/smtp-password',
      WithDecryption: true,
    });
  });

  it('reports a missing SSM parameter', async () => {
    ssm
      .on(GetParameterCommand)
      .rejects(Object.assign(new Error('Parameter not found'), { name: 'ParameterNotFound' }));

    const value = await readSecretSource({ ssm: { name: '/mail/absent' } }, options());

    expect(value).toEqual({
      ok: false,
      reason: 'not found (ParameterNotFound)',
      where: 'SSM parameter /mail/absent in us-east-1',
    });
  });
});
