import { sumClassCosts } from '../../src/domain/money.ts';
import type { Tags } from '../../src/domain/tags.ts';
import type { Outcome, PricedUsageEvent } from '../../src/domain/usage-event.ts';

export interface PricedEventOptions {
  id: string;
  /** Epoch ms. */
  at: number;
  /** Effective (and list) cost in USD, exactly as stored. */
  cost: number;
  tags?: Tags;
  requestId?: string;
  attempt?: number;
  retryOf?: string;
  outcome?: Outcome;
  input?: number;
  output?: number;
}

/** One call with a cost chosen by the test, so statements can be worked out by hand. */
export function pricedEvent(options: PricedEventOptions): PricedUsageEvent {
  const costs = sumClassCosts({
    input: options.cost,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: 0,
    reasoning: 0,
  });
  return {
    id: options.id,
    timestamp: options.at,
    source: 'api',
    provider: 'openai',
    model: 'gpt-4o-mini',
    serviceTier: 'standard',
    tokens: {
      input: options.input ?? 100,
      output: options.output ?? 50,
      cacheRead: 0,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 0,
    },
    status: 'ok',
    attempt: options.attempt ?? 1,
    tags: options.tags ?? {},
    ...(options.requestId !== undefined ? { requestId: options.requestId } : {}),
    ...(options.retryOf !== undefined ? { retryOf: options.retryOf } : {}),
    ...(options.outcome !== undefined ? { outcome: options.outcome } : {}),
    pricing: {
      currency: 'USD',
      priceVersion: 'test',
      contextTier: 'standard',
      list: costs,
      effective: costs,
      flags: [],
    },
  };
}
