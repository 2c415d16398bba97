import { ZERO_TOKENS } from '../../domain/token-classes.ts';
import type { RecordedCall } from '../../domain/recorded-call.ts';
import { cachePrefix } from './cache-prefix.ts';
import { createExactCacheReplay } from './exact-cache.ts';
import { trimPrompt } from './trim-prompt.ts';

/** One change to replay a period under; docs/recommendations.md gives each one's assumptions. */
export type WhatIfScenario =
  | { kind: 'model'; model: string; provider?: string }
  | { kind: 'context-cap'; maxInputTokens: number }
  | { kind: 'tier'; tier: 'batch' | 'flex' }
  | { kind: 'prompt-cache' }
  | { kind: 'exact-cache'; ttlSeconds: number }
  | { kind: 'output-cap'; maxOutputTokens: number }
  | { kind: 'no-retries' }
  | { kind: 'system-prompt'; maxSystemPromptTokens: number };

/** The calls of a replay in order; returns each one as it would have been. */
export type ScenarioApplier = (call: RecordedCall) => RecordedCall;

/**
 * The scenario as a function of the calls in time order: a prompt cache has to know whether
 * it has already written a prefix, a response cache which answers it holds; the others look
 * at one call at a time.
 */
export function createScenarioApplier(scenario: WhatIfScenario): ScenarioApplier {
  if (scenario.kind === 'prompt-cache') {
    const written = new Set<string>();
    return (event) => cachePrefix(event, written);
  }
  if (scenario.kind === 'exact-cache') return createExactCacheReplay(scenario.ttlSeconds * 1000);
  return (event) => applyScenario(event, scenario);
}

type StatelessScenario = Exclude<WhatIfScenario, { kind: 'prompt-cache' | 'exact-cache' }>;

/**
 * The call as it would have been under a scenario that needs no other call, from its
 * recorded tokens. Another model reads and writes the same tokens (its own tokenizer may count
 * a few more or fewer: not modelled). A context cap trims the prompt to its ceiling, uncached
 * tokens first, then cache reads, then cache writes — trimming older turns keeps the cached
 * prefix when it can. Another tier is the provider's tier multiplier on the same tokens. An
 * output cap cuts the answer (reasoning comes first, so it is cut last). Without retry hot
 * spots the failed attempts bill nothing; the attempt that served the request is unchanged.
 * A shorter system prompt removes its tokens where the prefix sits (see trimPrompt).
 */
function applyScenario(event: RecordedCall, scenario: StatelessScenario): RecordedCall {
  switch (scenario.kind) {
    case 'model':
      return {
        ...event,
        model: scenario.model,
        ...(scenario.provider ? { provider: scenario.provider } : {}),
      };
    case 'context-cap':
      return trimPrompt(event, Math.max(0, event.tokens.input - scenario.maxInputTokens), 'tail');
    case 'tier':
      return { ...event, serviceTier: scenario.tier };
    case 'output-cap': {
      const output = Math.min(event.tokens.output, scenario.maxOutputTokens);
      if (output === event.tokens.output) return event;
      const reasoning = Math.min(event.tokens.reasoning, output);
      return { ...event, tokens: { ...event.tokens, output, reasoning } };
    }
    case 'no-retries':
      if (event.status !== 'error') return event;
      return {
        ...event,
        tokens: { ...ZERO_TOKENS },
      };
    case 'system-prompt': {
      const system = event.prompt?.systemPromptTokens ?? 0;
      const excess = Math.max(0, system - scenario.maxSystemPromptTokens);
      return trimPrompt(event, Math.min(excess, event.tokens.input), 'prefix');
    }
  }
}
