import { toStoredPrecision } from '../../domain/money.ts';
import type { UsageGroup } from '../../store/store.ts';
import { billingMonth } from './billing-month.ts';
import { contextTierLabel } from './context-tier-label.ts';
import { describeFocusCharge } from './describe-focus-charge.ts';
import type { FocusRow } from './focus-columns.ts';
import type { FocusAccount, FocusOptions } from './focus-options.ts';
import { focusProviderNames } from './focus-provider-names.ts';
import { focusTags } from './focus-tags.ts';
import { FOCUS_TOKEN_CLASSES, type FocusTokenClassDefinition } from './focus-token-classes.ts';
import { splitEffectiveCost } from './split-effective-cost.ts';
import { toFocusDateTime } from './to-focus-date-time.ts';

/** Prices are quoted per million tokens, so that is the PricingUnit (a whole-number prefix). */
const TOKENS_PER_PRICING_UNIT = 1_000_000;

interface ClassRow {
  definition: FocusTokenClassDefinition;
  tokens: number;
  list: number;
  effective: number;
}

/**
 * The FOCUS rows of one usage group: one per token class with tokens (reference/focus.md §7).
 * Every row's list cost is the group's cost of that class, so the rows add up to the group;
 * effective cost is both the contracted cost (tokenops' discounts are negotiated rates, not
 * commitments) and the billed cost (metered pay-as-you-go usage).
 */
export function buildFocusRows(group: UsageGroup, options: FocusOptions = {}): FocusRow[] {
  const classes = FOCUS_TOKEN_CLASSES.map((definition) => ({
    definition,
    tokens: definition.tokens(group.tokens),
    list: definition.cost(group.list),
    effective: definition.cost(group.effective),
  })).filter((row) => row.tokens > 0);
  const effective = splitEffectiveCost(group.effective.total, classes);
  const shared = sharedColumns(group, options);
  return classes.map((row, index) => classColumns(group, shared, row, effective[index] ?? 0));
}

type SharedColumns = ReturnType<typeof sharedColumns>;

/** Everything the rows of one group have in common. */
function sharedColumns(group: UsageGroup, options: FocusOptions) {
  const names = focusProviderNames(group.provider, group.model);
  const account: FocusAccount = options.account?.(group) ?? { billingAccountId: group.provider };
  const longContextStart = options.longContextStart?.(
    group.provider,
    group.model,
    group.periodStart,
  );
  const contextTier = contextTierLabel(group.contextTier, longContextStart ?? null);
  return {
    names,
    account,
    contextTier,
    billingPeriod: billingMonth(group.periodStart),
    tags: focusTags(group.tags, options.derivedTags?.(group)),
  };
}

function classColumns(
  group: UsageGroup,
  { names, account, contextTier, billingPeriod, tags }: SharedColumns,
  { definition, tokens, list }: ClassRow,
  effective: number,
): FocusRow {
  const tokenClass = definition.tokenClass;
  const skuId = `${group.provider}/${group.model}/${tokenClass}`;
  const pricingQuantity = tokens / TOKENS_PER_PRICING_UNIT;
  const listUnitPrice = toStoredPrecision(list / pricingQuantity);
  const description = describeFocusCharge({
    model: group.model,
    meter: definition.meter,
    serviceTier: group.serviceTier,
    longContextLabel: group.contextTier === 'long' ? contextTier : undefined,
    listUnitPrice,
    currency: group.currency,
  });
  // `|| null` on optional text: FOCUS has no empty strings, null is the only "none" (§2).
  return {
    BilledCost: effective,
    BillingAccountId: account.billingAccountId,
    BillingAccountName: account.billingAccountName || null,
    BillingAccountType: account.billingAccountType ?? names.billingAccountType,
    BillingCurrency: group.currency,
    BillingPeriodEnd: billingPeriod.end,
    BillingPeriodStart: billingPeriod.start,
    ChargeCategory: 'Usage',
    ChargeClass: null,
    ChargeDescription: description,
    ChargeFrequency: 'Usage-Based',
    ChargePeriodEnd: toFocusDateTime(group.periodEnd),
    ChargePeriodStart: toFocusDateTime(group.periodStart),
    ConsumedQuantity: tokens,
    ConsumedUnit: 'Tokens',
    ContractedCost: effective,
    ContractedUnitPrice: toStoredPrecision(effective / pricingQuantity),
    EffectiveCost: effective,
    HostProviderName: names.hostProviderName,
    // Gateway metering is not the provider's invoice (reference §7): no invoice id.
    InvoiceId: null,
    InvoiceIssuerName: names.invoiceIssuerName,
    ListCost: list,
    ListUnitPrice: listUnitPrice,
    // Batch, flex and priority are price points of their own, not Dynamic prices (§7).
    PricingCategory: 'Standard',
    PricingQuantity: pricingQuantity,
    PricingUnit: `${TOKENS_PER_PRICING_UNIT} Tokens`,
    ProviderName: names.serviceProviderName,
    PublisherName: names.publisherName,
    RegionId: null,
    RegionName: null,
    ResourceId: null,
    ResourceName: null,
    ResourceType: null,
    ServiceCategory: 'AI and Machine Learning',
    ServiceName: names.serviceName,
    ServiceProviderName: names.serviceProviderName,
    ServiceSubcategory: 'Generative AI',
    SkuId: skuId,
    SkuMeter: definition.meter,
    SkuPriceDetails: JSON.stringify({
      x_TokenClass: tokenClass,
      x_ServiceTier: group.serviceTier,
      x_ContextTier: contextTier,
    }),
    SkuPriceId: `${skuId}/${group.serviceTier}/${contextTier}`,
    SubAccountId: account.subAccountId || null,
    SubAccountName: account.subAccountName || null,
    SubAccountType: account.subAccountType || null,
    Tags: tags,
    x_TokenClass: tokenClass,
    x_Model: group.model,
    x_ServiceTier: group.serviceTier,
    x_ContextTier: contextTier,
    x_EventId: group.eventId || null,
    x_TraceId: group.traceId || null,
    x_DataSource: group.source,
  };
}
