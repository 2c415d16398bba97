import type { TabularBillImporter } from './bill-importer.ts';
import type { BillRow } from './bill-row.ts';
import { canonicalTags } from './canonical-tags.ts';
import { createBillingLine } from './create-billing-line.ts';
import { curTags } from './cur-tags.ts';
import { parseBedrockUsageType } from './parse-bedrock-usage-type.ts';

const BEDROCK = 'AmazonBedrock';
/** Line item types that meter consumption; every other type (Tax, Credit, Refund…) is money only. */
const USAGE_TYPES = new Set(['Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage']);

/**
 * AWS Cost and Usage Report 2.0 (Data Exports; CSV, .csv.gz or Parquet), Bedrock rows only.
 *
 * A row is Bedrock's when its product code (or service code) is AmazonBedrock, or when it is
 * a Marketplace row whose product name says Bedrock (models sold through AWS Marketplace carry
 * the Marketplace product code instead; unconfirmed). Other services' rows are skipped.
 *
 * Token rows: `line_item_usage_amount` is in 1K-token units (amount × per-1K rate = cost), so
 * tokens = amount × 1000, or × 1,000,000 when `pricing_unit` says the rate is per million.
 * Usage rows that are not tokens (provisioned throughput hours, model storage) and the
 * money-only types (Tax, Credit, Refund, discounts, Savings Plan negation) become `other`
 * lines with their cost and no quantity, so reconciliation sees every dollar of the bill.
 *
 * Cost is `line_item_net_unblended_cost` when the file has it (after discounts; summed over
 * every row it is the net bill, discount rows included), else `line_item_unblended_cost`.
 * Both are checked on every row.
 */
export const awsCurImporter: TabularBillImporter = {
  format: 'aws-cur',
  title: 'an AWS CUR 2.0 export',
  input: 'tabular',
  requiredColumns: [
    'bill_payer_account_id',
    'line_item_usage_account_id',
    'line_item_line_item_type',
    'line_item_usage_start_date',
    'line_item_usage_end_date',
    'line_item_product_code',
    'line_item_usage_type',
    'line_item_usage_amount',
    'line_item_currency_code',
    'line_item_unblended_cost',
  ],
  mapRow(row) {
    if (!isBedrock(row)) return [];
    const lineItemType = row.requiredText('line_item_line_item_type');
    const usageType = row.text('line_item_usage_type') ?? '';
    const unblended = row.requiredDecimal('line_item_unblended_cost');
    const net = row.decimal('line_item_net_unblended_cost');
    const token = USAGE_TYPES.has(lineItemType) ? parseBedrockUsageType(usageType) : undefined;
    const product = row.map('product');
    const amount = row.decimal('line_item_usage_amount', unitScale(row.text('pricing_unit')));
    const tags = curTags(row);
    const line = createBillingLine(
      {
        format: 'aws-cur',
        role: 'invoice',
        provider: 'bedrock',
        account: row.requiredText('bill_payer_account_id'),
        project: row.text('line_item_usage_account_id'),
        model: product.model ?? token?.model,
        billedClass: token?.billedClass ?? 'other',
        serviceTier: token?.serviceTier,
        periodStart: row.timestamp('line_item_usage_start_date'),
        periodEnd: row.timestamp('line_item_usage_end_date'),
        quantity: token ? amount : undefined,
        cost: net ?? unblended,
        currency: row.requiredText('line_item_currency_code'),
        description: USAGE_TYPES.has(lineItemType) ? usageType : `${lineItemType}: ${usageType}`,
        tags,
      },
      // Not identity_line_item_id: AWS says it differs between deliveries of the same month,
      // so keying on it would add a month's lines again with every refreshed report.
      [
        lineItemType,
        row.text('line_item_operation'),
        row.text('line_item_resource_id'),
        row.text('pricing_term'),
        canonicalTags(tags),
      ],
    );
    return [line];
  },
};

function isBedrock(row: BillRow): boolean {
  if (row.text('line_item_product_code') === BEDROCK) return true;
  if (row.text('product_servicecode') === BEDROCK) return true;
  if (row.text('bill_billing_entity') !== 'AWS Marketplace') return false;
  return /bedrock/i.test(row.map('product').product_name ?? '');
}

/** Powers of ten from the rate's unit to tokens: "1K tokens" (the usual) 3, per million 6. */
function unitScale(pricingUnit: string | undefined): number {
  return pricingUnit !== undefined && /^\s*1\s*M\b|million/i.test(pricingUnit) ? 6 : 3;
}
