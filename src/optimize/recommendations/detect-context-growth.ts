import type { RecordedCall } from '../../domain/recorded-call.ts';
import { entry, featureOf, percent, quantile } from './event-figures.ts';
import type { Detector, Finding } from './recommendation.ts';

/** A trace grows when its largest prompt is this many times its first, over this many calls. */
const MIN_GROWTH = 3;
const MIN_CALLS = 4;
const MIN_GROWING_TRACES = 10;
/** The cap: twice the typical first prompt, in whole kilotokens (1,024). */
const CAP_FACTOR = 2;
const CAP_STEP = 1024;

interface Trace {
  calls: number;
  firstAt: number;
  firstInput: number;
  maxInput: number;
  inputTokens: number;
}

/**
 * Quadratic context growth: traces (agent runs, conversations) where every call re-reads all
 * the calls before it, so the tokens read grow with the square of the steps. The change caps
 * the prompt (`--context-cap`) at twice the typical first prompt, which a sliding window that
 * keeps the system prompt and drops the oldest turns would do.
 */
export function createContextGrowthDetector(): Detector {
  const features = new Map<string, Map<string, Trace>>();
  return {
    observe(event: RecordedCall) {
      const feature = featureOf(event);
      if (feature === undefined || event.traceId === undefined || event.tokens.input === 0) return;
      const traces = entry(features, feature, () => new Map<string, Trace>());
      const trace = entry(traces, event.traceId, () => ({
        calls: 0,
        firstAt: event.timestamp,
        firstInput: event.tokens.input,
        maxInput: 0,
        inputTokens: 0,
      }));
      trace.calls += 1;
      if (event.timestamp < trace.firstAt) {
        trace.firstAt = event.timestamp;
        trace.firstInput = event.tokens.input;
      }
      trace.maxInput = Math.max(trace.maxInput, event.tokens.input);
      trace.inputTokens += event.tokens.input;
    },
    findings() {
      const found: Finding[] = [];
      for (const [feature, traces] of features) {
        const growing = [...traces.values()].filter(
          (trace) => trace.calls >= MIN_CALLS && trace.maxInput >= MIN_GROWTH * trace.firstInput,
        );
        if (growing.length < MIN_GROWING_TRACES) continue;
        const sortedBy = (read: (trace: Trace) => number) =>
          growing.map(read).sort((a, b) => a - b);
        const firstPrompt = quantile(
          sortedBy((trace) => trace.firstInput),
          0.5,
        );
        const cap = Math.ceil((CAP_FACTOR * firstPrompt) / CAP_STEP) * CAP_STEP;
        const read = growing.reduce((sum, trace) => sum + trace.inputTokens, 0);
        found.push({
          kind: 'context-growth',
          scope: { feature },
          title: `Cap ${feature} prompts at ${cap} tokens with a sliding window`,
          change: {
            scenario: { kind: 'context-cap', maxInputTokens: cap },
            where: { feature },
          },
          evidence: {
            traces: traces.size,
            growing_traces: percent(growing.length / traces.size),
            median_calls: quantile(
              sortedBy((trace) => trace.calls),
              0.5,
            ),
            median_first_prompt_tokens: firstPrompt,
            median_largest_prompt_tokens: quantile(
              sortedBy((trace) => trace.maxInput),
              0.5,
            ),
            largest_prompt_tokens: growing.reduce(
              (largest, trace) => Math.max(largest, trace.maxInput),
              0,
            ),
            prompt_tokens_per_growing_trace: Math.round(read / growing.length),
          },
          quality_risk: {
            level: 'medium',
            reason: `turns older than ${cap} tokens would be dropped (the system prompt kept); the run may lose facts it needs`,
          },
        });
      }
      return found;
    },
  };
}
