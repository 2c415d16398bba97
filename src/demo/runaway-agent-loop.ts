import type { Tags } from '../domain/tags.ts';
import { emitCallAttempts } from './emit-call-attempts.ts';
import type { FeatureProfile, ModelChoice } from './feature-profile.ts';
import type { RunawaySpike } from './runaway-spike.ts';
import { tokenCounts } from './token-shape-parts.ts';
import type { WorkloadContext } from './workload-context.ts';

const FIRST_PROMPT_TOKENS = 24_000;
/** The agent compacts its context here and starts climbing again; below long-context rates. */
const COMPACT_ABOVE_TOKENS = 150_000;
const COMPACTED_PROMPT_TOKENS = 60_000;

/**
 * The runaway coding agent: one trace that never finishes, a step every few seconds, each
 * re-reading a context that only grows. It rewrites the top of its prompt every step, so no
 * prefix is ever read from cache — which is what makes the hour cost ten normal ones.
 */
export class RunawayAgentLoop {
  private nextStep = 0;
  private promptTokens = FIRST_PROMPT_TOKENS;
  private parentSpanId: string | undefined;
  private trace: { id: string; tags: Tags } | undefined;
  private readonly choice: ModelChoice;

  constructor(
    private readonly spike: RunawaySpike,
    private readonly feature: FeatureProfile,
  ) {
    const main = feature.models[0];
    if (main === undefined) throw new Error(`feature ${feature.feature} has no model`);
    // Nothing the loop produced was used.
    this.choice = { model: main.model, weight: 1, successRate: 0 };
  }

  /** Writes the next `count` steps; the allocation put exactly that many in this hour. */
  emitSteps(count: number, context: WorkloadContext): void {
    if (count === 0) return;
    const { random, sink } = context;
    this.trace ??= {
      id: context.ids.nextTraceId(),
      tags: context.tagger.tagsFor(this.feature, random),
    };
    const version = context.prompts.at(this.feature, context.week);
    const interval = this.spike.stepIntervalMs;
    for (let done = 0; done < count; done++) {
      const slotStart = this.spike.start + this.nextStep++ * interval;
      const visible = random.tokenCount(500, 0.5, 50, 4000);
      const result = emitCallAttempts(
        {
          feature: this.feature,
          choice: this.choice,
          serviceTier: 'standard',
          tokens: tokenCounts(this.promptTokens, visible, 0, 0, 0, 0),
          prompt: version.prompt,
          promptFingerprint: version.fingerprint,
          tags: this.trace.tags,
          traceId: this.trace.id,
          parentSpanId: this.parentSpanId,
        },
        slotStart + random.below(interval / 4),
        1,
        context,
      );
      const event = sink[sink.length - 1];
      if (event !== undefined) event.timestamp = Math.min(event.timestamp, context.hourEnd - 1);
      if (result.succeeded) this.parentSpanId = result.spanId;
      this.promptTokens += visible + random.tokenCount(2500, 0.5, 200, 20_000);
      if (this.promptTokens > COMPACT_ABOVE_TOKENS) this.promptTokens = COMPACTED_PROMPT_TOKENS;
    }
  }
}
