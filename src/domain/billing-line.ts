import type { ServiceTier } from './usage-event.ts';

/** The bill and usage exports `tokenops import --format` reads (PRODUCT.md §9). */
export const BILL_FORMATS = [
  'openai-costs',
  'openai-usage',
  'anthropic-usage',
  'anthropic-cost',
  'aws-cur',
  'gcp-billing',
  'azure-cost',
  'subscription',
  'focus',
] as const;
export type BillFormat = (typeof BILL_FORMATS)[number];

/**
 * What a bill line charges for. Token classes are disjoint here (unlike the usage event's
 * nested counts): `input` is uncached input, writes are split by time to live, `output`
 * includes reasoning unless the bill prices reasoning on its own line.
 */
export const BILLED_CLASSES = [
  'input',
  'cache_read',
  'cache_write_5m',
  'cache_write_1h',
  'output',
  'reasoning',
  'web_search',
  'storage',
  'seat',
  'other',
] as const;
export type BilledClass = (typeof BILLED_CLASSES)[number];

export const TOKEN_BILLED_CLASSES: readonly BilledClass[] = [
  'input',
  'cache_read',
  'cache_write_5m',
  'cache_write_1h',
  'output',
  'reasoning',
];

/**
 * usage: token counts without money (OpenAI usage API, Anthropic usage report);
 * cost: money, sometimes with quantities (OpenAI costs API, Anthropic cost report);
 * invoice: a cloud or tool bill with both (CUR, GCP, Azure, subscriptions, FOCUS files).
 */
export type BillingRole = 'usage' | 'cost' | 'invoice';

/** One normalised line of a provider's bill or usage export. */
export interface BillingLine {
  /** Stable for the same line of the same export, so importing a file twice changes nothing. */
  id: string;
  format: BillFormat;
  role: BillingRole;
  /** openai, anthropic, bedrock, gemini, azure — or the tool's name for a subscription. */
  provider: string;
  /** Organisation, billing account or payer account. */
  account?: string;
  /** Project, workspace, linked account or subscription. */
  project?: string;
  model?: string;
  billedClass: BilledClass;
  serviceTier?: ServiceTier;
  contextTier?: 'standard' | 'long';
  /** Inclusive start and exclusive end of the period billed, epoch ms UTC (an hour or a day). */
  periodStart: number;
  periodEnd: number;
  /** Tokens (or requests, seats) counted one by one; undefined when the line gives money only. */
  quantity?: number;
  /** Amount billed in `currency`, after discounts and credits; undefined for usage-only lines. */
  cost?: number;
  currency: string;
  /** The source's own label: line item, SKU description, usage type or meter name. */
  description?: string;
  /** Tags or labels the bill carries (resource tags, GCP labels). */
  tags?: Record<string, string>;
}
