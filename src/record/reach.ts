import { permissionFor } from '../aws/commands.js';
import type { AwsFailureKind } from '../aws/gateway.js';
import type { RecordedCall } from '../aws/recording.js';

export type CallOutcome = { call: RecordedCall; kind: 'ok' | AwsFailureKind };

/**
 * Without these SES reads nearly every check is inconclusive: a recording where all of
 * them were denied records the audit role's gaps, not the account.
 */
const ESSENTIAL = new Set(['GetAccount', 'GetEmailIdentity']);

/**
 * Why a live run is no recording worth writing, or undefined when it is. A fixture made
 * of CredentialsProviderError answers would replay as "inconclusive" forever while looking
 * like a real recording, so a run without credentials, one where no call succeeded, and one
 * denied every essential SES read are refused. Some denied calls are kept: the replay is
 * then inconclusive where the live run was.
 */
export function unrecordableReason(outcomes: CallOutcome[]): string | undefined {
  if (outcomes.length === 0) return 'the live run made no AWS call, so there is nothing to record';

  if (outcomes.some(({ kind }) => kind === 'no-credentials')) {
    return 'no AWS credentials were found (set a profile, role or environment credentials)';
  }

  const answered = outcomes.filter(({ kind }) => kind === 'ok' || kind === 'not-found');
  if (answered.length === 0) {
    const counts = new Map<string, number>();
    for (const { kind } of outcomes) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const byKind = [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, n]) => `${kind}: ${n}`);
    return `none of ${outcomes.length} AWS calls succeeded (${byKind.join(', ')})`;
  }

  const essential = outcomes.filter(
    ({ call }) => call.service === 'sesv2' && ESSENTIAL.has(call.operation),
  );
  if (essential.length > 0 && essential.every(({ kind }) => kind === 'access-denied')) {
    const denied = [
      ...new Set(essential.map(({ call }) => permissionFor('sesv2', call.operation))),
    ];
    return `access was denied to ${denied.sort().join(' and ')} in every region asked`;
  }
  return undefined;
}

/** The permissions some call was denied, to warn about after a recording is written. */
export function deniedPermissions(outcomes: CallOutcome[]): string[] {
  const denied = outcomes
    .filter(({ kind }) => kind === 'access-denied')
    .map(({ call }) => permissionFor(call.service, call.operation));
  return [...new Set(denied)].sort();
}
