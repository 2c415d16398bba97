import { sumClassCosts } from '../../src/domain/money.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';

export const MARCH_10 = Date.UTC(2026, 2, 10);
export const MARCH_11 = Date.UTC(2026, 2, 11);
export const MARCH_12 = Date.UTC(2026, 2, 12);

/**
 * One gpt-4o call of team a's chat feature with hand-made costs: [input, output] tokens and
 * [input, output] effective cost in USD; `rest` overrides anything else.
 */
function call(
  id: string,
  [input, output]: [number, number],
  [inputCost, outputCost]: [number, number],
  rest: Partial<PricedUsageEvent> = {},
): PricedUsageEvent {
  const costs = sumClassCosts({
    input: inputCost,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: outputCost,
    reasoning: 0,
  });
  return {
    id,
    timestamp: MARCH_10,
    source: 'api',
    provider: 'openai',
    model: 'gpt-4o',
    serviceTier: 'standard',
    tokens: { input, output, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 },
    status: 'ok',
    attempt: 1,
    tags: { team: 'a', feature: 'chat' },
    pricing: {
      currency: 'USD',
      priceVersion: 'test',
      contextTier: 'standard',
      list: costs,
      effective: costs,
      flags: [],
    },
    ...rest,
  };
}

const search = { team: 'b', feature: 'search' };

/**
 * March 10, gpt-4o at its published $2.50 input and $10 output per million tokens: a
 * system-prompted call, a request retried after a timeout, an ok answer the client retried
 * anyway, an aborted stream (docs/layers.md works them out); and a feature, search, that
 * used gpt-4o and gpt-4o-mini ($0.15 / $0.60).
 */
export const LAYER_CALLS = [
  call('e1', [10_000, 1_000], [0.025, 0.01], {
    prompt: { systemPromptTokens: 2_000, toolDefinitionTokens: 500 },
  }),
  call('e2', [4_000, 0], [0.01, 0], { requestId: 'r1', status: 'error', errorKind: 'timeout' }),
  call('e3', [4_000, 500], [0.01, 0.005], {
    ...{ requestId: 'r2', retryOf: 'r1', attempt: 2 },
    prompt: { systemPromptTokens: 1_000 },
  }),
  call('e4', [2_000, 200], [0.005, 0.002], { requestId: 'r3' }),
  call('e5', [2_000, 200], [0.005, 0.002], { requestId: 'r4', retryOf: 'r3', attempt: 2 }),
  call('e6', [1_000, 100], [0.0025, 0.001], { status: 'aborted' }),
  call('s1', [100_000, 10_000], [0.25, 0.1], { tags: search }),
  call('s2', [100_000, 10_000], [0.015, 0.006], { tags: search, model: 'gpt-4o-mini' }),
];

const asked = (requestId: string, latencyMs?: number, feature = 'chat') => ({
  timestamp: MARCH_11,
  requestId,
  tags: { team: 'a', feature },
  ...(latencyMs !== undefined ? { latencyMs } : {}),
});

/** March 11: a retried request that succeeded, a slow success, a failure, no outcome, batch. */
export const YIELD_CALLS = [
  call('y1', [100, 0], [0, 0], { ...asked('q1', 200), status: 'error' }),
  call('y2', [100, 50], [0, 0], {
    ...asked('q2', 800),
    ...{ retryOf: 'q1', attempt: 2, outcome: 'success' },
  }),
  call('y3', [200, 100], [0, 0], { ...asked('q3', 1_500), outcome: 'success' }),
  call('y4', [300, 100], [0, 0], { ...asked('q4', 500), outcome: 'failure' }),
  call('y5', [50, 50], [0, 0], asked('q5', 100)),
  call('y6', [1_000, 0], [0, 0], { ...asked('q6', undefined, 'batch'), outcome: 'success' }),
];

const span = (spanId: string, parentSpanId: string | undefined, at: number, latencyMs: number) => ({
  ...{ traceId: 't1', spanId, timestamp: MARCH_12 + at, latencyMs },
  ...(parentSpanId ? { parentSpanId } : {}),
});

/**
 * March 12, trace t1: a 400-token first call whose steps grow to 13,300 tokens, with a
 * parallel step under the root and a rate-limited attempt retried; trace t2 is one cheap call.
 */
export const TRACE_CALLS = [
  call('t1-1', [350, 50], [0.0005, 0.0005], span('s1', undefined, 0, 500)),
  call('t1-2', [1_200, 100], [0.001, 0.001], span('s2', 's1', 1_000, 400)),
  call('t1-6', [600, 40], [0.0003, 0.0002], span('s6', 's1', 1_500, 300)),
  call('t1-3', [0, 0], [0, 0], { ...span('s3', 's2', 2_000, 100), status: 'error' }),
  call('t1-4', [5_000, 200], [0.002, 0.002], { ...span('s4', 's2', 3_000, 1_000), attempt: 2 }),
  call('t1-5', [13_000, 300], [0.007, 0.003], span('s5', 's4', 5_000, 2_000)),
  call('t2-1', [90, 10], [0.00005, 0.00005], { traceId: 't2', spanId: 'x', timestamp: MARCH_12 }),
];
