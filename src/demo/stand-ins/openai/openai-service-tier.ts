import { stringField } from '../json-fields.ts';
import type { StandInCall } from '../stand-in-call.ts';

/**
 * The tier OpenAI reports as actually used: `x-stand-in-service-tier`, else the requested tier
 * (`auto` resolves to `default`, and a request for `fast` is reported as `priority`).
 */
export function openAiServiceTier(call: StandInCall): string {
  if (call.control.serviceTier !== undefined) return call.control.serviceTier;
  const requested = stringField(call.body, 'service_tier');
  if (requested === undefined || requested === 'auto') return 'default';
  return requested === 'fast' ? 'priority' : requested;
}
