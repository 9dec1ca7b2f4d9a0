import type { Provider } from './policy.js';

/**
 * The mail provider behind a list of MX hosts (most preferred first): Exchange Online
 * hosts end in mail.protection.outlook.com, Google Workspace and Gmail in google.com or
 * googlemail.com. Anything else is `other`.
 */
export function detectProvider(hosts: string[]): Exclude<Provider, undefined> {
  const first = hosts[0]?.toLowerCase().replace(/\.$/, '') ?? '';
  if (first.endsWith('.mail.protection.outlook.com')) return 'exchange-online';
  if (/(^|\.)(google|googlemail)\.com$/.test(first)) return 'google';
  return 'other';
}
