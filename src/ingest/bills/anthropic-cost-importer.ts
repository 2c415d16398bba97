import type { BilledClass, BillingLine } from '../../domain/billing-line.ts';
import { anthropicReportBuckets, looksLikeAnthropicReport } from './anthropic-report-buckets.ts';
import { anthropicTiers } from './anthropic-tiers.ts';
import type { JsonBillImporter } from './bill-importer.ts';
import { createBillingLine } from './create-billing-line.ts';
import type { JsonCursor } from './json-cursor.ts';
import { firstBucketResult } from './page-buckets.ts';
import { parseDecimal } from './parse-decimal.ts';
import { peekField } from './peek-field.ts';

const TOKEN_TYPES: Record<string, BilledClass> = {
  uncached_input_tokens: 'input',
  output_tokens: 'output',
  cache_read_input_tokens: 'cache_read',
  'cache_creation.ephemeral_5m_input_tokens': 'cache_write_5m',
  'cache_creation.ephemeral_1h_input_tokens': 'cache_write_1h',
};

/**
 * Anthropic's cost report (`GET /v1/organizations/cost_report`): daily money per workspace
 * and, when grouped by description, per model, token type and tier. The class comes from the
 * structured `token_type` / `cost_type` fields, never from the `description` wording, which
 * is unconfirmed and kept only as the line's label.
 *
 * `amount` is a decimal string in the lowest currency unit — cents for USD: "123.45" is
 * $1.2345. It is converted by moving the decimal point in the text, so no cent is rounded.
 */
export const anthropicCostImporter: JsonBillImporter = {
  format: 'anthropic-cost',
  title: 'an Anthropic cost report (GET /v1/organizations/cost_report)',
  input: 'json',
  recognizes(document) {
    const result = firstBucketResult(document);
    if (result === undefined) return looksLikeAnthropicReport(document);
    return typeof peekField(result, 'amount') === 'string';
  },
  mapDocument(document, file) {
    const lines: BillingLine[] = [];
    let rowsRead = 0;
    for (const { periodStart, periodEnd, results } of anthropicReportBuckets(document, file)) {
      for (const result of results) {
        rowsRead += 1;
        lines.push(mapResult(result, periodStart, periodEnd));
      }
    }
    return { lines, rowsRead, rowsSkipped: 0 };
  },
};

function mapResult(result: JsonCursor, periodStart: number, periodEnd: number): BillingLine {
  const amount = result.field('amount');
  const currency = result.field('currency').optionalString()?.toUpperCase() ?? 'USD';
  // Every currency Anthropic bills in (USD) has 100 minor units; others would need ISO 4217's.
  if (currency !== 'USD') {
    result
      .field('currency')
      .fail(`is "${currency}", whose minor unit is unknown`, 'import a report billed in USD');
  }
  const cost = parseDecimal(amount.string(), -2) ?? amount.fail('is not a decimal string');
  const geography = result.field('inference_geo').optionalString();
  return createBillingLine(
    {
      format: 'anthropic-cost',
      role: 'cost',
      provider: 'anthropic',
      project: result.field('workspace_id').optionalString(),
      model: result.field('model').optionalString(),
      billedClass: classOf(result),
      ...anthropicTiers(result),
      periodStart,
      periodEnd,
      cost,
      currency,
      description: result.field('description').optionalString(),
      ...(geography ? { tags: { 'anthropic/inference_geo': geography } } : {}),
    },
    [
      result.field('cost_type').optionalString(),
      result.field('token_type').optionalString(),
      geography,
    ],
  );
}

/** Web search has its own class; code execution and anything newer are `other`. */
function classOf(result: JsonCursor): BilledClass {
  const costType = result.field('cost_type').optionalString();
  if (costType === 'web_search') return 'web_search';
  const tokenType = result.field('token_type').optionalString();
  return (tokenType !== undefined && TOKEN_TYPES[tokenType]) || 'other';
}
