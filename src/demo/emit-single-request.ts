import type { ServiceTier } from '../domain/usage-event.ts';
import { emitCallAttempts } from './emit-call-attempts.ts';
import { shapeSingleCall, shapeSupportChatTurn } from './feature-call-shapes.ts';
import type { FeatureProfile } from './feature-profile.ts';
import { placeInHour } from './place-in-hour.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { WorkloadContext } from './workload-context.ts';

/** One request of a non-agent feature, with its retries, placed in the current hour. */
export function emitSingleRequest(
  feature: FeatureProfile,
  budget: number,
  context: WorkloadContext,
): number {
  const { random } = context;
  const choice = random.pickWeighted(feature.models);
  const version = context.prompts.at(feature, context.week);
  const shape = feature.kind === 'rag-chat' ? shapeSupportChatTurn : shapeSingleCall;
  const firstIndex = context.sink.length;
  const result = emitCallAttempts(
    {
      feature,
      choice,
      serviceTier: pickServiceTier(feature, random),
      tokens: shape(feature, choice.model, version, random),
      prompt: version.prompt,
      promptFingerprint: version.fingerprint,
      tags: context.tagger.tagsFor(feature, random),
      traceId: undefined,
      parentSpanId: undefined,
    },
    0,
    budget,
    context,
  );
  placeInHour(context, firstIndex);
  return result.emitted;
}

function pickServiceTier(feature: FeatureProfile, random: SeededRandom): ServiceTier {
  if (random.chance(feature.batchShare ?? 0)) return 'batch';
  if (random.chance(feature.flexShare ?? 0)) return 'flex';
  return 'standard';
}
