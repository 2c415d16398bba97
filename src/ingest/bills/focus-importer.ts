import { SERVICE_TIERS, type ServiceTier } from '../../domain/usage-event.ts';
import type { TabularBillImporter } from './bill-importer.ts';
import type { BillRow } from './bill-row.ts';
import { canonicalTags } from './canonical-tags.ts';
import { createBillingLine } from './create-billing-line.ts';
import { focusBilledClass } from './focus-billed-class.ts';
import { focusProvider } from './focus-provider.ts';

const AI_CATEGORY = 'AI and Machine Learning';

/**
 * Any FOCUS 1.x Cost and Usage file (CSV or Parquet): tokenops' own export, or a cloud's
 * FOCUS export. Rows outside ServiceCategory "AI and Machine Learning" are skipped, so a
 * whole-cloud FOCUS file imports only its AI spend.
 *
 * Provider from ServiceProviderName (ProviderName before 1.3) and ServiceName; account
 * BillingAccountId; project SubAccountId; model `x_Model`, else the model part of a SkuId
 * written `<provider>/<model>/<class>`; quantity ConsumedQuantity when ConsumedUnit counts
 * tokens (`Tokens`, or a whole-number prefix like `1000 Tokens`); cost BilledCost (what is
 * invoiced, after discounts) in BillingCurrency; tags from the Tags JSON.
 */
export const focusImporter: TabularBillImporter = {
  format: 'focus',
  title: 'a FOCUS 1.x Cost and Usage file',
  input: 'tabular',
  requiredColumns: [
    'BilledCost',
    'BillingAccountId',
    'BillingCurrency',
    'ChargePeriodStart',
    'ChargePeriodEnd',
    ['ServiceProviderName', 'ProviderName'],
  ],
  mapRow(row) {
    const category = row.text('ServiceCategory');
    if (category !== undefined && category !== AI_CATEGORY) return [];
    const skuId = row.text('SkuId');
    const billedClass = focusBilledClass(
      row.text('ChargeCategory'),
      row.text('x_TokenClass'),
      row.text('SkuMeter'),
    );
    const tags = row.map('Tags');
    return [
      createBillingLine(
        {
          format: 'focus',
          role: 'invoice',
          provider: focusProvider(
            row.requiredText(['ServiceProviderName', 'ProviderName']),
            row.text('ServiceName'),
          ),
          account: row.requiredText('BillingAccountId'),
          project: row.text('SubAccountId'),
          model: row.text('x_Model') ?? skuId?.split('/')[1],
          billedClass,
          serviceTier: serviceTier(row.text('x_ServiceTier')),
          contextTier: contextTier(row.text('x_ContextTier')),
          periodStart: row.timestamp('ChargePeriodStart'),
          periodEnd: row.timestamp('ChargePeriodEnd'),
          quantity: billedClass === 'other' ? undefined : tokens(row),
          cost: row.requiredDecimal('BilledCost'),
          currency: row.requiredText('BillingCurrency'),
          description: row.text('SkuPriceId') ?? skuId ?? row.text('ChargeDescription'),
          tags,
        },
        [
          row.text('x_EventId'),
          row.text('ResourceId'),
          row.text('ChargeCategory'),
          row.text('ChargeClass'),
          canonicalTags(tags),
        ],
      ),
    ];
  },
};

function tokens(row: BillRow): number | undefined {
  const unit = /^\s*(1|10|100|1000|10000|100000|1000000)?\s*tokens?\s*$/i.exec(
    row.text('ConsumedUnit') ?? '',
  );
  if (!unit) return undefined;
  return row.decimal('ConsumedQuantity', (unit[1] ?? '1').length - 1);
}

function serviceTier(text: string | undefined): ServiceTier | undefined {
  return (SERVICE_TIERS as readonly string[]).includes(text ?? '')
    ? (text as ServiceTier)
    : undefined;
}

/** tokenops writes `default` or `200k+`; Anthropic-style `0-200k` / `200k-1M` also appear. */
function contextTier(text: string | undefined): 'standard' | 'long' | undefined {
  if (text === undefined) return undefined;
  if (/^(long|200k\+|200k-1m)$/i.test(text)) return 'long';
  if (/^(default|standard|0-200k)$/i.test(text)) return 'standard';
  return undefined;
}
