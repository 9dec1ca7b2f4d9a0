import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { GetSecretValueResponse } from '@aws-sdk/client-secrets-manager';
import type { GetParameterResult } from '@aws-sdk/client-ssm';
import { describeFailure, type AwsGateway } from '../aws/gateway.js';
import type { SecretSource, UsernameSource } from '../config/schema.js';
import type { SecretValue } from '../engine/context.js';

/**
 * Reads a credential from where the expectations say it is stored. The value is returned
 * to the caller and nowhere else: every message here names only the place (`where`), and
 * parser errors are replaced by a fixed phrase because their text quotes the input.
 */
export interface SecretReadOptions {
  aws: AwsGateway;
  /** Secrets Manager and SSM are regional; a source without `region` uses this one. */
  region: string;
  /** Relative `file:` paths are resolved against the expectations file's folder. */
  baseDir: string;
  env?: NodeJS.ProcessEnv;
}

export async function readSecretSource(
  source: SecretSource | UsernameSource,
  options: SecretReadOptions,
): Promise<SecretValue> {
  const where = describeSecretSource(source, options);

  if ('value' in source) return { ok: true, value: source.value, where };

  if ('env' in source) {
    const value = (options.env ?? process.env)[source.env];
    return value ? { ok: true, value, where } : { ok: false, reason: 'it is not set', where };
  }

  if ('file' in source) {
    const text = await readText(fileLocation(source.file, options.baseDir));
    if (!text.ok) return { ok: false, reason: text.reason, where };
    // Editors and `echo` end a file with a newline that is not part of the secret.
    return pick(text.value.replace(/\r?\n$/, ''), source.json_key, where);
  }

  if ('secrets_manager' in source) {
    const { secret_id: SecretId, json_key, region } = source.secrets_manager;
    const answer = await options.aws.call<GetSecretValueResponse>(
      'secretsmanager',
      region ?? options.region,
      'GetSecretValue',
      { SecretId },
    );
    if (!answer.ok) return { ok: false, reason: describeFailure(answer), where };
    if (answer.value.SecretString === undefined) {
      return { ok: false, reason: 'it holds a binary secret, not a string', where };
    }
    return pick(answer.value.SecretString, json_key, where);
  }

  const { name: Name, region } = source.ssm;
  // A SecureString parameter reads back encrypted unless decryption is asked for.
  const answer = await options.aws.call<GetParameterResult>(
    'ssm',
    region ?? options.region,
    'GetParameter',
    { Name, WithDecryption: true },
  );
  if (!answer.ok) return { ok: false, reason: describeFailure(answer), where };
  const value = answer.value.Parameter?.Value;
  return value ? { ok: true, value, where } : { ok: false, reason: 'it has no value', where };
}

/** Where a credential is stored, in words: "SSM parameter /mail/smtp in us-east-1". */
export function describeSecretSource(
  source: SecretSource | UsernameSource,
  options: Pick<SecretReadOptions, 'region' | 'baseDir'>,
): string {
  if ('value' in source) return 'the expectations file';
  if ('env' in source) return `environment variable ${source.env}`;
  if ('file' in source) {
    const file = fileLocation(source.file, options.baseDir);
    return source.json_key ? `key ${source.json_key} of file ${file}` : `file ${file}`;
  }
  if ('secrets_manager' in source) {
    const { secret_id, json_key, region } = source.secrets_manager;
    const secret = `Secrets Manager secret ${secret_id} in ${region ?? options.region}`;
    return json_key ? `key ${json_key} of ${secret}` : secret;
  }
  return `SSM parameter ${source.ssm.name} in ${source.ssm.region ?? options.region}`;
}

function fileLocation(file: string, baseDir: string): string {
  return isAbsolute(file) ? file : resolve(baseDir, file);
}

async function readText(
  file: string,
): Promise<{ ok: true; value: string } | { ok: false; reason: string }> {
  try {
    return { ok: true, value: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'the file does not exist' : `${code}` };
  }
}

/** The whole value, or one string key of it read as a JSON object. */
function pick(text: string, jsonKey: string | undefined, where: string): SecretValue {
  if (jsonKey === undefined) {
    return text ? { ok: true, value: text, where } : { ok: false, reason: 'it is empty', where };
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not a JSON object', where };
  }
  const value = (parsed as Record<string, unknown> | null)?.[jsonKey];
  if (typeof value !== 'string' || value === '') {
    return { ok: false, reason: `it has no string key ${jsonKey}`, where };
  }
  return { ok: true, value, where };
}
