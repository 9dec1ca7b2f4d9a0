import type { RecordedCall } from '../aws/recording.js';

export const REDACTED = 'REDACTED-BY-MAILSPEC-RECORD';

/** A recorded call that AWS answered. */
export type AnsweredCall = RecordedCall & { output: Record<string, unknown> };

export interface RedactionOptions {
  /**
   * The environment variables of a Lambda function that the expectations name (`region_env`,
   * `from_env`): a region and an address, which the checks read and a replay must see.
   */
  keptVariables?(functionName: string, region: string): ReadonlySet<string>;
}

/**
 * Secrets never reach a recording. Secrets Manager values and SSM parameter values are
 * replaced by a placeholder; a JSON secret keeps its keys (so `json_key` still finds its
 * entry) with every value replaced. Lambda environment variables are application settings,
 * often passwords and API keys, so every value but the ones the expectations name is
 * replaced, and so is every tag value (tags are free text people put anything into).
 * Returns each redaction, to be listed in recording.json.
 */
export function redactOutput(
  call: AnsweredCall,
  options: RedactionOptions = {},
): { output: Record<string, unknown>; redacted: string[] } {
  const { service, operation, output } = call;
  if (service === 'secretsmanager' && operation === 'GetSecretValue') return redactSecret(output);
  if (service === 'ssm' && operation === 'GetParameter') return redactParameter(output);
  if (service === 'lambda' && operation === 'GetFunctionConfiguration') {
    return redactEnvironment(call, options);
  }
  if (service === 'iam' && operation === 'GetUser') {
    const user = output.User as Record<string, unknown> | undefined;
    if (!user) return { output, redacted: [] };
    const tags = redactTags(user.Tags, `IAM user ${String(user.UserName ?? '')}`);
    return { output: { ...output, User: { ...user, ...tags.fields } }, redacted: tags.redacted };
  }
  if (service === 'sesv2' && operation === 'GetEmailIdentity') {
    const identity = `SES identity ${String(call.input?.EmailIdentity ?? '')} in ${call.region}`;
    const tags = redactTags(output.Tags, identity);
    return { output: { ...output, ...tags.fields }, redacted: tags.redacted };
  }
  return { output, redacted: [] };
}

function redactSecret(output: Record<string, unknown>) {
  const { SecretString, SecretBinary, ...rest } = output;
  const what = `Secrets Manager secret ${String(output.Name ?? output.ARN ?? '')}`.trim();
  if (SecretString === undefined && SecretBinary === undefined) return { output, redacted: [] };
  return {
    output: {
      ...rest,
      ...(SecretString !== undefined ? { SecretString: redactSecretString(SecretString) } : {}),
      ...(SecretBinary !== undefined ? { SecretString: REDACTED } : {}),
    },
    redacted: [`${what}: ${SecretBinary !== undefined ? 'SecretBinary' : 'SecretString'}`],
  };
}

function redactParameter(output: Record<string, unknown>) {
  const parameter = output.Parameter as Record<string, unknown> | undefined;
  if (!parameter || parameter.Value === undefined) return { output, redacted: [] };
  return {
    output: { ...output, Parameter: { ...parameter, Value: REDACTED } },
    redacted: [`SSM parameter ${String(parameter.Name ?? '')}: Value`],
  };
}

function redactEnvironment(call: AnsweredCall, options: RedactionOptions) {
  const { output } = call;
  const environment = output.Environment as Record<string, unknown> | undefined;
  const variables = environment?.Variables as Record<string, unknown> | undefined;
  if (!environment || !variables) return { output, redacted: [] };

  const name = String(output.FunctionName ?? call.input?.FunctionName ?? '');
  const kept = options.keptVariables?.(String(call.input?.FunctionName ?? name), call.region);
  const redacted: string[] = [];
  const replaced = Object.fromEntries(
    Object.entries(variables).map(([key, value]) => {
      if (kept?.has(key)) return [key, value];
      redacted.push(`Lambda function ${name} in ${call.region}: environment variable ${key}`);
      return [key, REDACTED];
    }),
  );
  return {
    output: { ...output, Environment: { ...environment, Variables: replaced } },
    redacted,
  };
}

/** Tag keys stay (they say what a tag is for); values go. */
function redactTags(tags: unknown, owner: string) {
  if (!Array.isArray(tags) || tags.length === 0) return { fields: {}, redacted: [] };
  const list = tags as { Key?: string; Value?: string }[];
  return {
    fields: { Tags: list.map((tag) => ({ ...tag, Value: REDACTED })) },
    redacted: list.map((tag) => `${owner}: tag ${tag.Key ?? ''}`),
  };
}

function redactSecretString(value: unknown): string {
  try {
    const parsed = JSON.parse(String(value)) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return JSON.stringify(Object.fromEntries(Object.keys(parsed).map((k) => [k, REDACTED])));
    }
  } catch {
    // Not JSON: the whole string is the secret.
  }
  return REDACTED;
}
