import { ZERO_TOKENS } from '../../domain/token-classes.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { GovernedCall } from '../governed-call.ts';

/**
 * The effective cost of a call that reads `prompt` tokens uncached and writes `output`: what a
 * budget reserves before forwarding. An unpriced model costs 0 here, as its event will.
 */
export function priceCallEstimate(
  pricer: Pricer,
  call: GovernedCall,
  prompt: number,
  output: number,
  at: number,
): number {
  const pricing = pricer.price({
    timestamp: at,
    provider: call.provider,
    model: call.model ?? '',
    serviceTier: call.serviceTier,
    tokens: { ...ZERO_TOKENS, input: prompt, output },
  });
  return pricing.effective?.total ?? 0;
}
