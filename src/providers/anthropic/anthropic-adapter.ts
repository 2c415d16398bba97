import type { ProviderAdapter } from '../provider-adapter.ts';
import { anthropicBatchApi } from './anthropic-batch-api.ts';
import { anthropicGateway } from './anthropic-gateway.ts';
import { normalizeAnthropicUsage } from './normalize-anthropic-usage.ts';

export const anthropicAdapter: ProviderAdapter = {
  name: 'anthropic',
  catalogProviderId: 'anthropic',
  // Message Batches are half price; Anthropic has no flex tier, and its priority tier is a
  // capacity commitment rather than a per-token premium.
  serviceTierMultipliers: { standard: 1, batch: 0.5, flex: 1, priority: 1 },
  normalizeReportedUsage: normalizeAnthropicUsage,
  gateway: anthropicGateway,
  batch: anthropicBatchApi,
};
