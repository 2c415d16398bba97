import type { TokenCounts } from '../domain/token-classes.ts';
import type { Outcome } from '../domain/usage-event.ts';
import { emitCallAttempts } from './emit-call-attempts.ts';
import type { FeatureProfile } from './feature-profile.ts';
import type { ModelProfile } from './model-profiles.ts';
import { placeInHour } from './place-in-hour.ts';
import type { SeededRandom } from './seeded-random.ts';
import { automaticCacheRead, reasoningTokens, tokenCounts } from './token-shape-parts.ts';
import type { WorkloadContext } from './workload-context.ts';

const STEPS_MEDIAN = 6;
const MAX_STEPS = 25;
const TOOL_RESULT_MEDIAN = 1000;
const TOOL_RUN_MEDIAN_MS = 2500;
const PREFIX_WARM_CHANCE = 0.9;

/**
 * A coding-agent task as one trace: a root call with the user's request (a few hundred
 * tokens after the system prompt and tools), then steps that each carry the previous answer
 * and a tool result, so a 350-token request reaches ~13,000 prompt tokens by step eight.
 * Each step is the child of the one before. Returns the number of events written.
 */
export function emitAgentChain(
  feature: FeatureProfile,
  budget: number,
  context: WorkloadContext,
): number {
  const { random } = context;
  const choice = random.pickWeighted(feature.models);
  const version = context.prompts.at(feature, context.week);
  const prefix = version.systemPromptTokens + version.toolDefinitionTokens;
  const tags = context.tagger.tagsFor(feature, random);
  const traceId = context.ids.nextTraceId();
  const steps = Math.min(MAX_STEPS, Math.max(2, Math.round(random.logNormal(STEPS_MEDIAN, 0.45))));
  const { input, output } = feature;
  const firstIndex = context.sink.length;
  let promptTokens = prefix + random.tokenCount(input.median, input.spread, 20, 4000);
  let cachedTokens = random.chance(PREFIX_WARM_CHANCE) ? prefix : 0;
  let parentSpanId: string | undefined;
  let offset = 0;
  let emitted = 0;
  let completed = true;
  for (let step = 0; step < steps && emitted < budget; step++) {
    const visible =
      step === steps - 1
        ? random.tokenCount(600, 0.5, 50, 4000)
        : random.tokenCount(output.median, output.spread, 20, 4000);
    const tokens = stepTokens(choice.model, promptTokens, cachedTokens, visible, random);
    const result = emitCallAttempts(
      {
        feature,
        choice,
        serviceTier: 'standard',
        tokens,
        prompt: version.prompt,
        promptFingerprint: version.fingerprint,
        tags,
        traceId,
        parentSpanId,
      },
      offset,
      budget - emitted,
      context,
    );
    emitted += result.emitted;
    if (!result.succeeded) {
      completed = false;
      break;
    }
    parentSpanId = result.spanId;
    cachedTokens = promptTokens;
    promptTokens += visible + random.tokenCount(TOOL_RESULT_MEDIAN, 0.8, 30, 30_000);
    offset = result.endOffset + Math.round(random.logNormal(TOOL_RUN_MEDIAN_MS, 0.8));
  }
  const successRate = choice.successRate ?? 0;
  markChainOutcome(
    context,
    firstIndex,
    completed && random.chance(successRate) ? 'success' : 'failure',
  );
  placeInHour(context, firstIndex);
  return emitted;
}

/** Every step that finished carries the task's outcome: its tokens served that result. */
function markChainOutcome(context: WorkloadContext, firstIndex: number, outcome: Outcome): void {
  const { sink } = context;
  for (let index = firstIndex; index < sink.length; index++) {
    const event = sink[index];
    if (event?.outcome !== undefined) {
      event.outcome = outcome;
    }
  }
}

/** Explicit caching writes each step's new part and reads it back at the next step. */
function stepTokens(
  model: ModelProfile,
  promptTokens: number,
  cachedTokens: number,
  visible: number,
  random: SeededRandom,
): TokenCounts {
  const reasoning = reasoningTokens(model, visible, random);
  if (model.caching === 'explicit') {
    return tokenCounts(
      promptTokens,
      visible,
      reasoning,
      cachedTokens,
      promptTokens - cachedTokens,
      0,
    );
  }
  const cacheRead = model.caching === 'automatic' ? automaticCacheRead(cachedTokens) : 0;
  return tokenCounts(promptTokens, visible, reasoning, cacheRead, 0, 0);
}
