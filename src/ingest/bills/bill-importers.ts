import type { BillFormat } from '../../domain/billing-line.ts';
import { anthropicCostImporter } from './anthropic-cost-importer.ts';
import { anthropicUsageImporter } from './anthropic-usage-importer.ts';
import { awsCurImporter } from './aws-cur-importer.ts';
import { azureCostImporter } from './azure-cost-importer.ts';
import type { BillImporter } from './bill-importer.ts';
import { focusImporter } from './focus-importer.ts';
import { gcpBillingImporter } from './gcp-billing-importer.ts';
import { openAiCostsImporter } from './openai-costs-importer.ts';
import { openAiUsageImporter } from './openai-usage-importer.ts';
import { subscriptionImporter } from './subscription-importer.ts';

/** The one map of bill importers, by the format name `tokenops import --format` takes. */
export const billImporters: Record<BillFormat, BillImporter> = {
  'openai-costs': openAiCostsImporter,
  'openai-usage': openAiUsageImporter,
  'anthropic-usage': anthropicUsageImporter,
  'anthropic-cost': anthropicCostImporter,
  'aws-cur': awsCurImporter,
  'gcp-billing': gcpBillingImporter,
  'azure-cost': azureCostImporter,
  subscription: subscriptionImporter,
  focus: focusImporter,
};
