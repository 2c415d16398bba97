import { TOKEN_BILLED_CLASSES } from '../../domain/billing-line.ts';
import { toStoredPrecision } from '../../domain/money.ts';
import type { TabularBillImporter } from './bill-importer.ts';
import type { BillRow } from './bill-row.ts';
import { canonicalTags } from './canonical-tags.ts';
import { createBillingLine } from './create-billing-line.ts';
import { parseDecimal } from './parse-decimal.ts';
import { parseGeminiSku, type GeminiSku } from './parse-gemini-sku.ts';

/** Units in which `usage.amount` is a token count (`count` is unconfirmed but what we see). */
const TOKEN_UNITS = new Set(['count', 'token', 'tokens']);

/**
 * The GCP Cloud Billing export to BigQuery, in our flattened CSV form (dotted field paths as
 * headers, repeated fields as JSON arrays; BigQuery cannot write nested columns to CSV).
 *
 * Rows whose SKU description names Gemini are imported — Vertex AI and Gemini API spend alike,
 * as Google's own guidance filters them — and every other row is skipped. Net cost is
 * `cost + SUM(credits[].amount)` (credits are negative). Labels become tags. A row whose
 * `cost_type` is not `regular` (tax, adjustment, rounding error) is an `other` line.
 */
export const gcpBillingImporter: TabularBillImporter = {
  format: 'gcp-billing',
  title: 'a GCP billing export (flattened to CSV with dotted column names)',
  input: 'tabular',
  requiredColumns: [
    'billing_account_id',
    'service.description',
    'sku.id',
    'sku.description',
    'usage_start_time',
    'usage_end_time',
    'project.id',
    'cost',
    'currency',
    'usage.amount',
    'usage.unit',
  ],
  mapRow(row) {
    const skuDescription = row.requiredText('sku.description');
    if (!/gemini/i.test(skuDescription)) return [];
    const costType = row.text('cost_type') ?? 'regular';
    const sku =
      costType === 'regular' ? parseGeminiSku(skuDescription) : parseOther(skuDescription);
    const amount = row.decimal('usage.amount');
    const tokens = TOKEN_UNITS.has((row.text('usage.unit') ?? '').toLowerCase());
    const tags = labels(row);
    return [
      createBillingLine(
        {
          format: 'gcp-billing',
          role: 'invoice',
          provider: 'gemini',
          account: row.requiredText('billing_account_id'),
          project: row.requiredText('project.id'),
          ...sku,
          periodStart: row.timestamp('usage_start_time'),
          periodEnd: row.timestamp('usage_end_time'),
          quantity: tokens && TOKEN_BILLED_CLASSES.includes(sku.billedClass) ? amount : undefined,
          cost: toStoredPrecision(row.requiredDecimal('cost') + credits(row)),
          currency: row.requiredText('currency'),
          description: costType === 'regular' ? skuDescription : `${costType}: ${skuDescription}`,
          tags,
        },
        [
          row.requiredText('sku.id'),
          row.text(['location.region', 'location.location']),
          canonicalTags(tags),
        ],
      ),
    ];
  },
};

/** A tax, adjustment or rounding row: money about a model, metering no tokens. */
function parseOther(description: string): GeminiSku {
  const { model } = parseGeminiSku(description);
  return { ...(model ? { model } : {}), billedClass: 'other' };
}

/** The sum of the `credits` JSON array's amounts (negative numbers). */
function credits(row: BillRow): number {
  const value = row.json('credits');
  if (value === undefined) return 0;
  if (!Array.isArray(value)) return row.fail('credits', 'is not a JSON array');
  return value.reduce<number>((sum, credit: unknown) => {
    const amount = (credit as { amount?: unknown } | null)?.amount;
    const parsed = typeof amount === 'number' ? amount : parseDecimal(String(amount));
    return parsed === undefined
      ? row.fail('credits', 'has a credit without an amount')
      : sum + parsed;
  }, 0);
}

/** `labels` as the export writes them, a JSON array of `{key, value}`. */
function labels(row: BillRow): Record<string, string> {
  const value = row.json('labels');
  if (value === undefined) return {};
  if (!Array.isArray(value)) return row.fail('labels', 'is not a JSON array of {key, value}');
  const tags: Record<string, string> = {};
  for (const label of value as unknown[]) {
    const { key, value: text } = (label ?? {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string') return row.fail('labels', 'has a label without a key');
    tags[key] = typeof text === 'string' ? text : '';
  }
  return tags;
}
