import type { ProviderAdapter } from '../provider-adapter.ts';
import { bedrockGateway } from './bedrock-gateway.ts';
import { normalizeBedrockUsage } from './normalize-bedrock-usage.ts';

export const bedrockAdapter: ProviderAdapter = {
  name: 'bedrock',
  catalogProviderId: 'aws',
  // Batch inference and the flex service tier are billed at half the on-demand rates for the
  // models that offer them; the priority premium varies by model, so it is 1 until configured.
  serviceTierMultipliers: { standard: 1, batch: 0.5, flex: 0.5, priority: 1 },
  normalizeReportedUsage: normalizeBedrockUsage,
  gateway: bedrockGateway,
};
