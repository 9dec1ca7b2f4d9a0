import type {
  GetSuppressedDestinationResponse,
  ListSuppressedDestinationsResponse,
  SuppressionListReason,
} from '@aws-sdk/client-sesv2';
import type { AwsResult } from '../aws/gateway.js';
import type { AuditContext } from '../engine/context.js';
import { fields, objects, text } from './fields.js';

export type SuppressedDestinationFacts = AwsResult<GetSuppressedDestinationResponse>;

/** One address on the region's account-level suppression list; NotFoundException means absent. */
export function collectSuppressedDestination(
  ctx: AuditContext,
  region: string,
  address: string,
): Promise<SuppressedDestinationFacts> {
  return ctx.aws.call<GetSuppressedDestinationResponse>(
    'sesv2',
    region,
    'GetSuppressedDestination',
    { EmailAddress: address },
  );
}

/** The largest page ListSuppressedDestinations serves, so the fewest paced calls are made. */
export const SUPPRESSION_PAGE_SIZE = 1000;

export type SuppressionCount =
  | { ok: true; count: number; pages: number }
  | { ok: false; failure: Extract<AwsResult<unknown>, { ok: false }>; pages: number }
  | { ok: false; repeatedToken: string; pages: number }
  | { ok: false; problem: string; pages: number };

/**
 * Counts the suppression list entries for one reason, following every NextToken. Each page
 * goes through the gateway, which paces SES calls per region (the management API allows
 * about one request per second) and retries throttling; a page that never gets through
 * makes the whole count a failure, never a partial number.
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_ListSuppressedDestinations.html
 */
export function countSuppressedDestinations(
  ctx: AuditContext,
  region: string,
  reason: SuppressionListReason,
  since?: Date,
): Promise<SuppressionCount> {
  const key = `suppression-count ${region} ${reason} ${since?.toISOString() ?? ''}`;
  return ctx.memo(key, async () => {
    const seen = new Set<string>();
    let nextToken: string | undefined;
    let count = 0;
    let pages = 0;

    do {
      const page = await ctx.aws.call<ListSuppressedDestinationsResponse>(
        'sesv2',
        region,
        'ListSuppressedDestinations',
        {
          Reasons: [reason],
          StartDate: since,
          PageSize: SUPPRESSION_PAGE_SIZE,
          NextToken: nextToken,
        },
      );
      if (!page.ok) return { ok: false, failure: page, pages };

      pages++;
      const read = fields(page.value, {
        summaries: ['SuppressedDestinationSummaries', objects],
        token: ['NextToken', text],
      });
      if (!read.ok) {
        const answer = `ListSuppressedDestinations answer in ${region} (page ${pages})`;
        return { ok: false, problem: `${answer} has ${read.problem}`, pages };
      }
      count += read.value.summaries?.length ?? 0;
      nextToken = read.value.token || undefined;
      // The gateway memoises by input, so a token served twice would loop forever.
      if (nextToken && seen.has(nextToken)) return { ok: false, repeatedToken: nextToken, pages };
      if (nextToken) seen.add(nextToken);
    } while (nextToken);

    return { ok: true, count, pages };
  });
}
