import type { ProviderAdapter } from '../provider-adapter.ts';
import { geminiGateway } from './gemini-gateway.ts';
import { normalizeGeminiUsage } from './normalize-gemini-usage.ts';

export const geminiAdapter: ProviderAdapter = {
  name: 'gemini',
  catalogProviderId: 'google',
  // Batch Mode is half price. Flex and priority are left at 1 until configured: their rates
  // differ per model generation.
  serviceTierMultipliers: { standard: 1, batch: 0.5, flex: 1, priority: 1 },
  normalizeReportedUsage: normalizeGeminiUsage,
  gateway: geminiGateway,
};
