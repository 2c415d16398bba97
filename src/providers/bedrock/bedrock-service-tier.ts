import type { ServiceTier } from '../../domain/usage-event.ts';
import { asJsonObject } from '../shared/as-json-object.ts';

/**
 * The tier a Bedrock call names: Converse's `serviceTier: {type}` or InvokeModel's
 * `x-amzn-bedrock-service-tier` header. `default` is the standard rate; `reserved` capacity is
 * paid for up front, so it maps to no per-token tier and stays undefined.
 */
export function bedrockServiceTier(value: unknown): ServiceTier | undefined {
  const type = typeof value === 'string' ? value : asJsonObject(value)?.type;
  if (type === 'default') return 'standard';
  if (type === 'flex' || type === 'priority') return type;
  return undefined;
}
