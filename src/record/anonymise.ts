/**
 * Replaces values that identify an AWS account with placeholders of the same shape, the same
 * real value always with the same placeholder, so a recording stays consistent (an account
 * id in a role ARN of the expectations and in a Lambda configuration still match) while
 * naming no real account. The map of real values is never written anywhere.
 */
export interface Anonymiser {
  text(value: string): string;
  /** Every string inside a JSON-like value, keys left as they are. */
  deep<T>(value: T): T;
  counts(): { accountIds: number; accessKeyIds: number };
}

/** AWS's own documentation example ids are already placeholders. */
const EXAMPLE_ACCOUNT = '123456789012';

export function createAnonymiser(): Anonymiser {
  const accounts = new Map<string, string>();
  const keys = new Map<string, string>();

  const account = (real: string) => {
    if (real === EXAMPLE_ACCOUNT || /^0{11}\d$/.test(real)) return real;
    let placeholder = accounts.get(real);
    if (!placeholder) {
      placeholder = String(accounts.size + 1).padStart(12, '0');
      accounts.set(real, placeholder);
    }
    return placeholder;
  };
  const accessKey = (real: string) => {
    if (real.endsWith('EXAMPLE')) return real;
    let placeholder = keys.get(real);
    if (!placeholder) {
      placeholder = `${real.slice(0, 4)}${String(keys.size + 1).padStart(9, '0')}EXAMPLE`;
      keys.set(real, placeholder);
    }
    return placeholder;
  };

  const text = (value: string) =>
    value
      // The account field of an ARN: arn:partition:service:region:ACCOUNT:resource.
      .replace(
        /(arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:)(\d{12})(?=:)/g,
        (_, head, id) => head + account(id),
      )
      // Long-term (AKIA) and temporary (ASIA) access key ids, also the SES SMTP username.
      .replace(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, accessKey)
      // A bare account id, as in OwnerId or a Principal.
      .replace(/^\d{12}$/, account);

  const deep = <T>(value: T): T => {
    if (typeof value === 'string') return text(value) as T;
    if (Array.isArray(value)) return value.map(deep) as T;
    if (value instanceof Date || value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)])) as T;
  };

  return { text, deep, counts: () => ({ accountIds: accounts.size, accessKeyIds: keys.size }) };
}
