import type { BilledClass, BillingLine } from '../../domain/billing-line.ts';
import type { ServiceTier } from '../../domain/usage-event.ts';
import type { JsonBillImporter } from './bill-importer.ts';
import { createBillingLine } from './create-billing-line.ts';
import type { JsonCursor } from './json-cursor.ts';
import { firstBucketResult, pageBuckets } from './page-buckets.ts';
import { peekField } from './peek-field.ts';

/**
 * OpenAI's Organization Usage API (`GET /v1/organization/usage/completions`, and its
 * embeddings sibling): token counts per bucket and group, no money.
 *
 * `input_tokens` holds every prompt token; `input_cached_tokens` and
 * `input_cache_write_tokens` are parts of it and `input_uncached_tokens` the rest, so the
 * lines are the disjoint input (uncached) / cache_read / cache_write_5m / output. Responses
 * from before 2025 lack the uncached and cache-write fields: uncached is then input − cached,
 * and no cache-write line is made (not reported is not zero). `output_tokens` includes
 * reasoning, which this API does not break out.
 */
export const openAiUsageImporter: JsonBillImporter = {
  format: 'openai-usage',
  title: 'an OpenAI usage API export (GET /v1/organization/usage/completions)',
  input: 'json',
  recognizes(document) {
    const result = firstBucketResult(document);
    const page: unknown = Array.isArray(document) ? document[0] : document;
    if (result === undefined) return peekField(page, 'object') === 'page';
    const objectType = peekField(result, 'object');
    return typeof objectType === 'string' && objectType.startsWith('organization.usage.');
  },
  mapDocument(document, file) {
    const lines: BillingLine[] = [];
    let rowsRead = 0;
    let rowsSkipped = 0;
    for (const bucket of pageBuckets(document, file)) {
      const periodStart = bucket.field('start_time').number() * 1000;
      const periodEnd = bucket.field('end_time').number() * 1000;
      for (const result of bucket.field('results').items()) {
        rowsRead += 1;
        const mapped = mapResult(result, periodStart, periodEnd);
        if (mapped.length === 0) rowsSkipped += 1;
        lines.push(...mapped);
      }
    }
    return { lines, rowsRead, rowsSkipped };
  },
};

function mapResult(result: JsonCursor, periodStart: number, periodEnd: number): BillingLine[] {
  const input = result.field('input_tokens').optionalCount();
  const cached = result.field('input_cached_tokens').optionalCount();
  const cacheWrite = result.field('input_cache_write_tokens').optionalCount();
  const uncached =
    result.field('input_uncached_tokens').optionalCount() ??
    (input === undefined ? undefined : input - (cached ?? 0) - (cacheWrite ?? 0));
  if (uncached !== undefined && uncached < 0) {
    result.field('input_tokens').fail('is smaller than its cached and cache-write parts');
  }
  const counts: [BilledClass, number | undefined][] = [
    ['input', uncached],
    ['cache_read', cached],
    ['cache_write_5m', cacheWrite],
    ['output', result.field('output_tokens').optionalCount()],
  ];
  const apiKey = result.field('api_key_id').optionalString();
  const user = result.field('user_id').optionalString();
  const tags: Record<string, string> = {};
  if (apiKey) tags['openai/api_key_id'] = apiKey;
  if (user) tags['openai/user_id'] = user;
  // A reported zero still makes a line, so a corrected export that zeroes a class replaces it.
  return counts
    .filter((count): count is [BilledClass, number] => count[1] !== undefined)
    .map(([billedClass, quantity]) =>
      createBillingLine(
        {
          format: 'openai-usage',
          role: 'usage',
          provider: 'openai',
          project: result.field('project_id').optionalString(),
          model: result.field('model').optionalString(),
          billedClass,
          serviceTier: tierOf(result),
          periodStart,
          periodEnd,
          quantity,
          currency: 'USD',
          tags,
        },
        [apiKey, user],
      ),
    );
}

/**
 * `batch: true` is the batch tier. Otherwise `service_tier` when grouped by it; `batch: false`
 * alone means the standard tier. Neither grouped: the bucket mixes tiers, so none is claimed.
 */
function tierOf(result: JsonCursor): ServiceTier | undefined {
  const batch = result.field('batch').optionalBoolean();
  if (batch) return 'batch';
  const tier = result.field('service_tier').optionalString();
  if (tier === 'flex' || tier === 'priority') return tier;
  if (tier === 'default' || tier === 'auto') return 'standard';
  return batch === false ? 'standard' : undefined;
}
