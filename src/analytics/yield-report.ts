import type { LatencyObjective, YieldGroup } from '../store/insights-spec.ts';

/** Token yield and goodput of one group (docs/layers.md). */
export type YieldRow = {
  [dimension: string]: string | number | null;
  calls: number;
  tokens: number;
  success_tokens: number;
  failure_tokens: number;
  /** Tokens of calls whose request has no outcome recorded: left out of both rates. */
  no_outcome_tokens: number;
  /** success_tokens over the tokens whose request outcome is known. */
  yield_rate: number | null;
  goodput_tokens: number;
  /** goodput_tokens over the tokens whose request outcome is known. */
  goodput_rate: number | null;
  /** Share of all tokens whose request outcome is known: how far the rates can be trusted. */
  outcome_coverage: number | null;
};

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1e6) / 1e6 : null;

/** Turns the store's yield sums into rates. */
export function buildYieldRow(group: YieldGroup): YieldRow {
  const known = group.successTokens + group.failureTokens;
  return {
    ...group.keys,
    calls: group.calls,
    tokens: group.tokens,
    success_tokens: group.successTokens,
    failure_tokens: group.failureTokens,
    no_outcome_tokens: group.noOutcomeTokens,
    yield_rate: ratio(group.successTokens, known),
    goodput_tokens: group.goodputTokens,
    goodput_rate: ratio(group.goodputTokens, known),
    outcome_coverage: ratio(known, group.tokens),
  };
}

/** The config's `objectives` (feature → { latencyMs }) as the store takes them. */
export function latencyObjectives(
  objectives: Readonly<Record<string, { latencyMs: number }>>,
): LatencyObjective[] {
  return Object.entries(objectives).map(([feature, objective]) => ({
    feature,
    latencyMs: objective.latencyMs,
  }));
}
