import type { RecordedCall } from '../../domain/recorded-call.ts';
import { MIN_CACHEABLE_TOKENS } from '../what-if/cache-prefix.ts';
import { entry, featureOf, percent } from './event-figures.ts';
import type { Detector, Finding } from './recommendation.ts';

/** A stable prefix billed uncached this often is worth a breakpoint. */
const MIN_UNCACHED_SHARE = 0.2;
const MIN_CALLS = 20;
const HOUR_MS = 3_600_000;

interface Group {
  feature: string;
  provider: string;
  model: string;
  calls: number;
  prefixTokens: number;
  uncachedPrefixTokens: number;
  /** (fingerprint, hour) pairs: one cache write each under the change. */
  writes: Set<string>;
}

/**
 * Cache opportunities: calls that repeat the same measured prefix (system prompt and tool
 * definitions, one prompt fingerprint) yet pay for it as uncached input. The change puts the
 * prefix behind a cache breakpoint (`--cache prefix`); caching changes the price, not the
 * answer, so the quality risk is low.
 */
export function createCacheOpportunityDetector(): Detector {
  const groups = new Map<string, Group>();
  return {
    observe(event: RecordedCall) {
      const feature = featureOf(event);
      const { tokens, prompt } = event;
      const prefix = (prompt?.systemPromptTokens ?? 0) + (prompt?.toolDefinitionTokens ?? 0);
      if (feature === undefined || !event.promptFingerprint || prefix < MIN_CACHEABLE_TOKENS) {
        return;
      }
      if (tokens.input === 0) return;
      const group = entry(groups, `${feature}\u0000${event.provider}\u0000${event.model}`, () => ({
        feature,
        provider: event.provider,
        model: event.model,
        calls: 0,
        prefixTokens: 0,
        uncachedPrefixTokens: 0,
        writes: new Set<string>(),
      }));
      const uncached = tokens.input - tokens.cacheRead - tokens.cacheWrite;
      group.calls += 1;
      group.prefixTokens += prefix;
      group.uncachedPrefixTokens += Math.min(
        uncached,
        Math.max(0, prefix - tokens.cacheRead - tokens.cacheWrite),
      );
      group.writes.add(`${event.promptFingerprint}/${Math.floor(event.timestamp / HOUR_MS)}`);
    },
    findings() {
      const found: Finding[] = [];
      for (const group of groups.values()) {
        const uncachedShare = group.uncachedPrefixTokens / group.prefixTokens;
        if (group.calls < MIN_CALLS || uncachedShare < MIN_UNCACHED_SHARE) continue;
        found.push({
          kind: 'cache-opportunity',
          scope: { feature: group.feature, model: group.model },
          title: `Cache the system prompt and tools of ${group.feature} on ${group.model}`,
          change: {
            scenario: { kind: 'prompt-cache' },
            where: { feature: group.feature, model: group.model },
          },
          evidence: {
            calls: group.calls,
            prefix_tokens_per_call: Math.round(group.prefixTokens / group.calls),
            prefix_billed_uncached: percent(uncachedShare),
            repeat_rate: percent(1 - group.writes.size / group.calls),
          },
          quality_risk: {
            level: 'low',
            reason: 'a cached prefix changes the price of the prompt, not the answer',
          },
        });
      }
      return found;
    },
  };
}
