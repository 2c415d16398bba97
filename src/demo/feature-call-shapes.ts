import type { TokenCounts } from '../domain/token-classes.ts';
import type { FeatureProfile } from './feature-profile.ts';
import type { ModelProfile } from './model-profiles.ts';
import type { PromptVersion } from './prompt-versions.ts';
import type { SeededRandom } from './seeded-random.ts';
import { automaticCacheRead, reasoningTokens, tokenCounts } from './token-shape-parts.ts';

/** Ordinary prompts stay under the 200k-token line where long-context rates begin. */
const MAX_ORDINARY_PROMPT = 180_000;
const MAX_OUTPUT = 16_000;
/** A stable prefix with an explicit breakpoint is read from cache on most calls… */
const EXPLICIT_PREFIX_WARM_CHANCE = 0.9;
/** …while automatic caching only helps when the call lands on a server that saw the prefix. */
const AUTOMATIC_HIT_CHANCE = 0.6;

/** A one-shot call: system prompt and tools, the feature's own input, an answer. */
export function shapeSingleCall(
  feature: FeatureProfile,
  model: ModelProfile,
  version: PromptVersion,
  random: SeededRandom,
): TokenCounts {
  const prefix = version.systemPromptTokens + version.toolDefinitionTokens;
  const body = random.chance(feature.longContextShare ?? 0)
    ? 200_000 + random.below(400_000)
    : random.tokenCount(feature.input.median, feature.input.spread, 1, MAX_ORDINARY_PROMPT);
  const visible = visibleOutput(feature, random);
  const reasoning = reasoningTokens(model, visible, random);
  if (model.caching === 'explicit' && feature.cachesPrefix === true) {
    const warm = random.chance(EXPLICIT_PREFIX_WARM_CHANCE);
    return tokenCounts(prefix + body, visible, reasoning, warm ? prefix : 0, warm ? 0 : prefix, 0);
  }
  const cacheRead =
    model.caching === 'automatic' && random.chance(AUTOMATIC_HIT_CHANCE)
      ? automaticCacheRead(prefix)
      : 0;
  return tokenCounts(prefix + body, visible, reasoning, cacheRead, 0, 0);
}

/**
 * One support-chat turn: system prompt and tools behind a one-hour cache breakpoint (stable
 * all day), then the retrieved passages and the conversation so far behind a five-minute one
 * that the next turn reads back, then the customer's new message.
 */
export function shapeSupportChatTurn(
  feature: FeatureProfile,
  model: ModelProfile,
  version: PromptVersion,
  random: SeededRandom,
): TokenCounts {
  const prefix = version.systemPromptTokens + version.toolDefinitionTokens;
  const turn = 1 + Math.min(9, Math.floor(-Math.log(1 - random.next()) * 1.8));
  const retrieved = random.tokenCount(2400, 0.5, 300, 12_000);
  const history = turn === 1 ? 0 : (turn - 1) * random.tokenCount(290, 0.4, 60, 2000);
  const message = random.tokenCount(feature.input.median, feature.input.spread, 1, 4000);
  const visible = visibleOutput(feature, random);
  const reasoning = reasoningTokens(model, visible, random);
  const prefixWarm = random.chance(0.93);
  const conversationWarm = turn > 1 && random.chance(0.85);
  const cacheRead = (prefixWarm ? prefix : 0) + (conversationWarm ? retrieved + history : 0);
  const written5m = conversationWarm ? message : retrieved + history + message;
  const written1h = prefixWarm ? 0 : prefix;
  const input = prefix + retrieved + history + message;
  return tokenCounts(input, visible, reasoning, cacheRead, written5m + written1h, written1h);
}

function visibleOutput(feature: FeatureProfile, random: SeededRandom): number {
  const { median, spread } = feature.output;
  return median === 0 ? 0 : random.tokenCount(median, spread, 1, MAX_OUTPUT);
}
