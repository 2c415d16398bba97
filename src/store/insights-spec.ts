import type { TokenCounts } from '../domain/token-classes.ts';
import type { ServiceTier } from '../domain/usage-event.ts';
import type { Dimension, ReportFilter } from './report-spec.ts';

/** Which calls a layers, yield or traces report reads: grouped by dimensions over [from, to). */
export interface InsightSpec {
  dimensions: Dimension[];
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** Only calls matching every filter (`--where`); none: every call. */
  filters?: readonly ReportFilter[];
}

/**
 * Spend of one price point (provider, model, service tier, context tier) inside one group and
 * feature, already split into layers per call, so the reference model is priced per group.
 */
export interface LayerGroup {
  /** The grouped dimension values, keyed by dimension name. */
  keys: Record<string, string>;
  /** The call's feature tag, or null when untagged (reference models are per feature). */
  feature: string | null;
  provider: string;
  model: string;
  serviceTier: ServiceTier;
  contextTier: 'standard' | 'long';
  calls: number;
  /** Calls nothing could price: their cost is unknown and counts as 0 here. */
  unpricedCalls: number;
  /** Summed normalised counts of every call, retries included. */
  tokens: TokenCounts;
  /** Last call's time, epoch ms: the date the reference model is priced at. */
  lastCall: number;
  totalCost: number;
  retryCost: number;
  /** Of calls that are not retries. */
  outputCost: number;
  systemPromptCost: number;
}

/** A latency objective, in ms, for one feature's calls. */
export interface LatencyObjective {
  feature: string;
  latencyMs: number;
}

export interface YieldSpec extends InsightSpec {
  objectives: LatencyObjective[];
}

/** Tokens (input + output) of one group, by the outcome of the request each call served. */
export interface YieldGroup {
  keys: Record<string, string>;
  calls: number;
  tokens: number;
  successTokens: number;
  failureTokens: number;
  noOutcomeTokens: number;
  /** Tokens of succeeded requests whose call also met the feature's latency objective. */
  goodputTokens: number;
}

export interface TopTracesSpec {
  from?: number;
  to?: number;
  /** Only calls matching every filter: a trace's cost is that of its matching calls. */
  filters?: readonly ReportFilter[];
  limit: number;
}

export interface TraceSummary {
  traceId: string;
  /** The first call's feature tag. */
  feature: string | null;
  calls: number;
  tokens: number;
  cost: number;
  /** Tokens (input + output) of the trace's earliest call. */
  firstCallTokens: number;
  /** From the first call's start to the end of the last, ms. */
  durationMs: number;
  start: number;
}

/** One call of a trace, as the call tree needs it. */
export interface TraceCall {
  id: string;
  spanId: string | null;
  parentSpanId: string | null;
  timestamp: number;
  provider: string;
  model: string;
  status: string;
  attempt: number;
  feature: string | null;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  latencyMs: number | null;
}
