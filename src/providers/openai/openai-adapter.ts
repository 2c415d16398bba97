import type { ProviderAdapter } from '../provider-adapter.ts';
import { openAiBatchApi } from './openai-batch-api.ts';
import { normalizeOpenAiUsage } from './normalize-openai-usage.ts';
import { openAiGateway } from './openai-gateway.ts';

export const openAiAdapter: ProviderAdapter = {
  name: 'openai',
  catalogProviderId: 'openai',
  serviceTierMultipliers: {
    standard: 1,
    // Batch API and flex processing are both billed at half the standard rates.
    batch: 0.5,
    flex: 0.5,
    // gpt-5's published priority rates are exactly 2× standard; other models differ (gpt-4.1
    // is 1.75×), so set `tierMultipliers.openai.priority` in the config when it matters.
    priority: 2,
  },
  normalizeReportedUsage: normalizeOpenAiUsage,
  gateway: openAiGateway,
  batch: openAiBatchApi,
};
