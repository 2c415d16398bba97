import type { TabularBillImporter } from './bill-importer.ts';
import type { BillRow } from './bill-row.ts';
import { canonicalTags } from './canonical-tags.ts';
import { createBillingLine } from './create-billing-line.ts';
import { parseAzureMeterName } from './parse-azure-meter-name.ts';

const DAY = 86_400_000;
const COST_IN_BILLING_CURRENCY = ['CostInBillingCurrency', 'Cost', 'PreTaxCost'];
const BILLING_CURRENCY = ['BillingCurrency', 'BillingCurrencyCode', 'Currency'];

/**
 * Azure Cost Management exports, "Cost and usage details" (actual or amortized), CSV or
 * Parquet. Columns are found by header name ignoring case, with the alternative names EA and
 * MCA files use (`ResourceGroup` / `resourceGroupName`, `Cost` / `costInBillingCurrency`).
 *
 * Azure OpenAI rows are those whose meter category, subcategory or product name says OpenAI,
 * or whose meter category is "Foundry Models" (where newer models are billed; unconfirmed
 * which rows move there); other services are skipped. Quantity is in `UnitOfMeasure` units
 * (`1K`, `1M`), so tokens = Quantity × 1,000 or × 1,000,000. Cost is
 * `CostInBillingCurrency` in the billing currency, or `CostInUsd` in USD when the file has
 * only that. Rows are daily. `Tags` is JSON (EA files omit its outer braces).
 */
export const azureCostImporter: TabularBillImporter = {
  format: 'azure-cost',
  title: 'an Azure cost and usage details export',
  input: 'tabular',
  requiredColumns: [
    ['Date', 'UsageDate', 'UsageDateTime'],
    ['SubscriptionId', 'SubscriptionGuid'],
    'MeterCategory',
    'MeterName',
    ['Quantity', 'UsageQuantity'],
    'UnitOfMeasure',
    [...COST_IN_BILLING_CURRENCY, 'CostInUsd'],
  ],
  mapRow(row) {
    if (!isAzureOpenAi(row)) return [];
    const meterName = row.requiredText('MeterName');
    const chargeType = row.text('ChargeType') ?? 'Usage';
    const usage = chargeType.toLowerCase() === 'usage';
    // Purchases, refunds and unused reservations are money about a meter, not its tokens.
    const meter = usage ? parseAzureMeterName(meterName) : undefined;
    const scale = tokenScale(row.text('UnitOfMeasure'));
    const quantity = row.decimal(['Quantity', 'UsageQuantity'], scale ?? 0);
    const periodStart = row.timestamp(['Date', 'UsageDate', 'UsageDateTime']);
    const tags = row.map('Tags');
    return [
      createBillingLine(
        {
          format: 'azure-cost',
          role: 'invoice',
          provider: 'azure',
          account: row.text(['BillingAccountId', 'BillingAccountName']),
          project: row.requiredText(['SubscriptionId', 'SubscriptionGuid']),
          ...(meter ?? { billedClass: 'other' }),
          periodStart,
          periodEnd: periodStart + DAY,
          quantity:
            meter && meter.billedClass !== 'other' && scale !== undefined ? quantity : undefined,
          ...cost(row),
          description: usage ? meterName : `${chargeType}: ${meterName}`,
          tags,
        },
        [
          row.text('MeterId'),
          row.text(['ResourceId', 'InstanceId']),
          row.text('PricingModel'),
          canonicalTags(tags),
        ],
      ),
    ];
  },
};

function isAzureOpenAi(row: BillRow): boolean {
  const labels = [
    row.text('MeterCategory'),
    row.text('MeterSubCategory'),
    row.text(['ProductName', 'Product']),
  ];
  return (
    labels.some((label) => label !== undefined && /openai/i.test(label.replace(/\s/g, ''))) ||
    /^foundry models$/i.test(row.text('MeterCategory') ?? '')
  );
}

/** Powers of ten from a token unit of measure to tokens: "1K" 3, "1M" 6, "1000 Tokens" 3. */
function tokenScale(unit: string | undefined): number | undefined {
  const match = /^(1|10|100|1000|10000|100000|1000000)?\s*([KM])?\s*(tokens?)?$/i.exec(
    unit?.trim() ?? '',
  );
  if (!match || !(match[1] || match[2] || match[3])) return undefined;
  const magnitude = (match[1] ?? '1').length - 1;
  const prefix = match[2]?.toUpperCase();
  return magnitude + (prefix === 'K' ? 3 : prefix === 'M' ? 6 : 0);
}

function cost(row: BillRow): { cost: number; currency: string } {
  if (row.has(COST_IN_BILLING_CURRENCY)) {
    return {
      cost: row.requiredDecimal(COST_IN_BILLING_CURRENCY),
      currency: row.text(BILLING_CURRENCY) ?? 'USD',
    };
  }
  return { cost: row.requiredDecimal('CostInUsd'), currency: 'USD' };
}
