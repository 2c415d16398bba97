import type { UsageEvent } from '../../domain/usage-event.ts';

/** One change to replay a period under. */
export type WhatIfScenario =
  | { kind: 'model'; model: string; provider?: string }
  | { kind: 'context-cap'; maxInputTokens: number };

/**
 * The call as it would have been under the scenario, from its recorded tokens. Another
 * model reads and writes the same tokens (its own tokenizer may count a few more or fewer:
 * not modelled). A context cap trims the prompt to its ceiling, uncached tokens first, then
 * cache reads, then cache writes — trimming older turns keeps the cached prefix when it can.
 */
export function applyScenario(event: UsageEvent, scenario: WhatIfScenario): UsageEvent {
  if (scenario.kind === 'model') {
    return {
      ...event,
      model: scenario.model,
      ...(scenario.provider ? { provider: scenario.provider } : {}),
    };
  }
  const { tokens } = event;
  let excess = Math.max(0, tokens.input - scenario.maxInputTokens);
  if (excess === 0) return event;
  const uncached = tokens.input - tokens.cacheRead - tokens.cacheWrite;
  const fromUncached = Math.min(excess, uncached);
  excess -= fromUncached;
  const fromReads = Math.min(excess, tokens.cacheRead);
  excess -= fromReads;
  const fromWrites = Math.min(excess, tokens.cacheWrite);
  const cacheWrite = tokens.cacheWrite - fromWrites;
  return {
    ...event,
    tokens: {
      ...tokens,
      input: scenario.maxInputTokens,
      cacheRead: tokens.cacheRead - fromReads,
      cacheWrite,
      cacheWrite1h: Math.min(tokens.cacheWrite1h, cacheWrite),
    },
  };
}
