import type { BilledClass, BillingLine } from '../../domain/billing-line.ts';
import { anthropicReportBuckets, looksLikeAnthropicReport } from './anthropic-report-buckets.ts';
import { anthropicTiers } from './anthropic-tiers.ts';
import type { JsonBillImporter } from './bill-importer.ts';
import { createBillingLine } from './create-billing-line.ts';
import type { JsonCursor } from './json-cursor.ts';
import { firstBucketResult } from './page-buckets.ts';
import { peekField } from './peek-field.ts';

/** Each count of a result and the class it bills, as JSON paths inside the result. */
const COUNTS: [BilledClass, string[]][] = [
  ['input', ['uncached_input_tokens']],
  ['cache_write_5m', ['cache_creation', 'ephemeral_5m_input_tokens']],
  ['cache_write_1h', ['cache_creation', 'ephemeral_1h_input_tokens']],
  ['cache_read', ['cache_read_input_tokens']],
  ['output', ['output_tokens']],
  ['web_search', ['server_tool_use', 'web_search_requests']],
];

/**
 * Anthropic's messages usage report (`GET /v1/organizations/usage_report/messages`): token
 * counts per bucket and group, no money. Unlike OpenAI's, Anthropic's counts are already
 * disjoint: uncached input, cache writes by time to live (priced 1.25× and 2× input), cache
 * reads (0.1×) and output (thinking included). Web searches are counted in requests.
 */
export const anthropicUsageImporter: JsonBillImporter = {
  format: 'anthropic-usage',
  title: 'an Anthropic messages usage report (GET /v1/organizations/usage_report/messages)',
  input: 'json',
  recognizes(document) {
    const result = firstBucketResult(document);
    if (result === undefined) return looksLikeAnthropicReport(document);
    return peekField(result, 'uncached_input_tokens') !== undefined;
  },
  mapDocument(document, file) {
    const lines: BillingLine[] = [];
    let rowsRead = 0;
    for (const { periodStart, periodEnd, results } of anthropicReportBuckets(document, file)) {
      for (const result of results) {
        rowsRead += 1;
        lines.push(...mapResult(result, periodStart, periodEnd));
      }
    }
    return { lines, rowsRead, rowsSkipped: 0 };
  },
};

function mapResult(result: JsonCursor, periodStart: number, periodEnd: number): BillingLine[] {
  const apiKey = result.field('api_key_id').optionalString();
  const geography = result.field('inference_geo').optionalString();
  const account = result.field('account_id').optionalString();
  const tags: Record<string, string> = {};
  if (apiKey) tags['anthropic/api_key_id'] = apiKey;
  if (geography) tags['anthropic/inference_geo'] = geography;
  const tiers = anthropicTiers(result);
  const lines: BillingLine[] = [];
  for (const [billedClass, path] of COUNTS) {
    const quantity = path.reduce((cursor, name) => cursor.field(name), result).optionalCount();
    // Not reported is no line; a reported zero is a line, so a corrected export replaces it.
    if (quantity === undefined) continue;
    lines.push(
      createBillingLine(
        {
          format: 'anthropic-usage',
          role: 'usage',
          provider: 'anthropic',
          project: result.field('workspace_id').optionalString(),
          model: result.field('model').optionalString(),
          billedClass,
          ...tiers,
          periodStart,
          periodEnd,
          quantity,
          currency: 'USD',
          tags,
        },
        [apiKey, geography, account, result.field('service_account_id').optionalString()],
      ),
    );
  }
  return lines;
}
