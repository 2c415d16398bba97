import type { BillingLine } from '../../domain/billing-line.ts';
import type { JsonBillImporter } from './bill-importer.ts';
import { createBillingLine } from './create-billing-line.ts';
import type { JsonCursor } from './json-cursor.ts';
import { firstBucketResult, pageBuckets } from './page-buckets.ts';
import { parseDecimal } from './parse-decimal.ts';
import { parseOpenAiLineItem } from './parse-openai-line-item.ts';
import { peekField } from './peek-field.ts';

const RESULT = 'organization.costs.result';

/**
 * OpenAI's Organization Costs API (`GET /v1/organization/costs`): daily buckets of money per
 * project and line item, the invoice view. Amounts are USD numbers (currency in lower case).
 * Quantities come only when grouped by line item, in `tokens` or `1000_tokens`; other units
 * (images, characters, seconds) are not token counts and are left out of the line.
 */
export const openAiCostsImporter: JsonBillImporter = {
  format: 'openai-costs',
  title: 'an OpenAI costs API export (GET /v1/organization/costs)',
  input: 'json',
  recognizes(document) {
    const result = firstBucketResult(document);
    const page: unknown = Array.isArray(document) ? document[0] : document;
    return result === undefined
      ? peekField(page, 'object') === 'page'
      : peekField(result, 'object') === RESULT;
  },
  mapDocument(document, file) {
    const lines: BillingLine[] = [];
    let rowsRead = 0;
    for (const bucket of pageBuckets(document, file)) {
      const periodStart = bucket.field('start_time').number() * 1000;
      const periodEnd = bucket.field('end_time').number() * 1000;
      for (const result of bucket.field('results').items()) {
        rowsRead += 1;
        lines.push(mapResult(result, periodStart, periodEnd));
      }
    }
    return { lines, rowsRead, rowsSkipped: 0 };
  },
};

function mapResult(result: JsonCursor, periodStart: number, periodEnd: number): BillingLine {
  const objectType = result.field('object');
  if (objectType.present && objectType.value !== RESULT) {
    objectType.fail(`is "${objectType.string()}", not "${RESULT}"`);
  }
  const amount = result.field('amount');
  const description = result.field('line_item').optionalString();
  const { model, billedClass, serviceTier } = parseOpenAiLineItem(description);
  return createBillingLine(
    {
      format: 'openai-costs',
      role: 'cost',
      provider: 'openai',
      project: result.field('project_id').optionalString(),
      model,
      billedClass,
      serviceTier,
      periodStart,
      periodEnd,
      quantity: tokens(result),
      cost: amount.field('value').number(),
      currency: amount.field('currency').optionalString()?.toUpperCase() ?? 'USD',
      description,
    },
    [result.field('api_key_id').optionalString()],
  );
}

function tokens(result: JsonCursor): number | undefined {
  const quantity = result.field('quantity').optionalNumber();
  const unit = result.field('quantity_unit').optionalString();
  if (quantity === undefined) return undefined;
  if (unit === 'tokens') return quantity;
  // Moving the decimal point in the text keeps 1.234 thousand tokens exactly 1234.
  if (unit === '1000_tokens') return parseDecimal(String(quantity), 3);
  return undefined;
}
