import type { RecordedCall } from '../../domain/recorded-call.ts';
import type { WhatIfScenario } from '../what-if/what-if-scenario.ts';

export const RECOMMENDATION_KINDS = [
  'prompt-bloat',
  'cache-opportunity',
  'tiering',
  'batch',
  'output-outliers',
  'retry-hot-spot',
  'context-growth',
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export interface QualityRisk {
  level: 'low' | 'medium' | 'high';
  reason: string;
}

/** A change `tokenops whatif` can replay: one scenario on the calls matching `where`. */
export interface RecommendedChange {
  scenario: WhatIfScenario;
  /** The calls it applies to: one feature's, or one model's on it. */
  where: { feature: string; model?: string };
}

/** What a detector found, before the change is replayed for its saving. */
export interface Finding {
  kind: RecommendationKind;
  /** The tags (and model) the finding is about. */
  scope: Record<string, string>;
  title: string;
  change: RecommendedChange;
  /** The figures that show the problem. */
  evidence: Record<string, string | number>;
  quality_risk: QualityRisk;
}

/** A finding with its saving: the change replayed over the period, scaled to 30 days. */
export interface Recommendation extends Finding {
  monthly_saving: number;
  /** The `tokenops whatif` command that reproduces the saving over the same period. */
  whatif: string;
}

/** Reads the period's calls one by one (in time order), then says what it found. */
export interface Detector {
  observe(call: RecordedCall): void;
  findings(): Finding[];
}
