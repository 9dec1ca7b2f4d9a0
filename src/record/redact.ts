import type { ServiceName } from '../aws/commands.js';

export const REDACTED = 'REDACTED-BY-MAILSPEC-RECORD';

/**
 * Secrets never reach a recording. Secrets Manager values and SSM parameter values are
 * replaced by a placeholder; a JSON secret keeps its keys (so `json_key` still finds its
 * entry) with every value replaced. Returns what was redacted, to be said in recording.json.
 */
export function redactOutput(
  service: ServiceName,
  operation: string,
  output: Record<string, unknown>,
): { output: Record<string, unknown>; redacted?: string } {
  if (service === 'secretsmanager' && operation === 'GetSecretValue') {
    const { SecretString, SecretBinary, ...rest } = output;
    const what = `Secrets Manager secret ${String(output.Name ?? output.ARN ?? '')}`.trim();
    return {
      output: {
        ...rest,
        ...(SecretString !== undefined ? { SecretString: redactSecretString(SecretString) } : {}),
        ...(SecretBinary !== undefined ? { SecretString: REDACTED } : {}),
      },
      redacted: `${what}: ${SecretBinary !== undefined ? 'SecretBinary' : 'SecretString'}`,
    };
  }
  if (service === 'ssm' && operation === 'GetParameter') {
    const parameter = output.Parameter as Record<string, unknown> | undefined;
    if (!parameter || parameter.Value === undefined) return { output };
    return {
      output: { ...output, Parameter: { ...parameter, Value: REDACTED } },
      redacted: `SSM parameter ${String(parameter.Name ?? '')}: Value`,
    };
  }
  return { output };
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
