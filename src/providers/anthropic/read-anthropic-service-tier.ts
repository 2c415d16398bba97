import type { ServiceTier } from '../../domain/usage-event.ts';

/** `usage.service_tier`: Anthropic says `standard`, `priority` or `batch`, all tiers we price. */
export function readAnthropicServiceTier(value: unknown): ServiceTier | undefined {
  return value === 'standard' || value === 'priority' || value === 'batch' ? value : undefined;
}
