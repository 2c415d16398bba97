import type { RecordedCall } from '../../domain/recorded-call.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { ReportFilter } from '../../store/report-spec.ts';
import type { Store } from '../../store/store.ts';
import { runWhatIfs, type WhatIfSpec } from '../what-if/run-what-if.ts';
import { createBatchDetector } from './detect-batch-candidates.ts';
import { createCacheOpportunityDetector } from './detect-cache-opportunities.ts';
import { createContextGrowthDetector } from './detect-context-growth.ts';
import { createOutputOutlierDetector } from './detect-output-outliers.ts';
import { createPromptBloatDetector } from './detect-prompt-bloat.ts';
import { createRetryHotSpotDetector } from './detect-retry-hot-spots.ts';
import { createTieringDetector } from './detect-tiering-candidates.ts';
import type { Detector, Finding, Recommendation, RecommendationKind } from './recommendation.ts';
import { whatIfCommand } from './what-if-command.ts';

export interface RecommendSpec {
  /** Epoch ms, inclusive; with `to`, the period analysed and replayed. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  kinds: readonly RecommendationKind[];
  /** Provider names, for replays on another model. */
  providers: readonly string[];
  /** Only the calls matching every filter are analysed and replayed (`--where`). */
  filters: readonly ReportFilter[];
}

const DETECTORS: Record<RecommendationKind, () => Detector> = {
  'prompt-bloat': createPromptBloatDetector,
  'cache-opportunity': createCacheOpportunityDetector,
  tiering: createTieringDetector,
  batch: createBatchDetector,
  'output-outliers': createOutputOutlierDetector,
  'retry-hot-spot': createRetryHotSpotDetector,
  'context-growth': createContextGrowthDetector,
};

const BATCH = 20_000;
const MONTH_MS = 30 * 86_400_000;
/** Findings that would save less than a cent a month are noise. */
const MIN_MONTHLY_SAVING = 0.01;

/**
 * Reads the period once through every detector, then prices each finding by replaying its
 * change with `runWhatIfs` — the engine behind `tokenops whatif`, all replays in one read — and scales the saving from
 * the period to 30 days. Largest saving first.
 */
export async function recommend(
  store: Store,
  pricer: Pricer,
  spec: RecommendSpec,
  /**
   * Told how many more hours of the period were read, for a progress bar: the period is read
   * twice (the detectors, then the replays of their changes), `2 * periodHours(spec)` in all.
   */
  onHours: (hours: number) => void = () => undefined,
): Promise<Recommendation[]> {
  const detectors = spec.kinds.map((kind) => DETECTORS[kind]());
  const detecting = trackPeriod(spec, onHours);
  const calls = { from: spec.from, to: spec.to, anyOf: [spec.filters] };
  for await (const batch of store.callsBetween(calls, BATCH)) {
    for (const event of batch) {
      for (const detector of detectors) detector.observe(event);
    }
    detecting.read(batch);
  }
  detecting.finish();
  const findings = detectors.flatMap((detector) => detector.findings());
  const replaying = trackPeriod(spec, onHours);
  const replays = await runWhatIfs(
    store,
    pricer,
    findings.map((finding) => replaySpec(spec, finding)),
    (batch) => replaying.read(batch),
  );
  replaying.finish();
  const recommendations: Recommendation[] = [];
  findings.forEach((finding, index) => {
    const saving = replays[index]?.[0]?.saving ?? 0;
    const monthlySaving = (saving * MONTH_MS) / (spec.to - spec.from);
    if (monthlySaving < MIN_MONTHLY_SAVING) return;
    recommendations.push({
      ...finding,
      monthly_saving: monthlySaving,
      whatif: whatIfCommand(finding.change, spec),
    });
  });
  return recommendations.sort((left, right) => right.monthly_saving - left.monthly_saving);
}

const HOUR_MS = 3_600_000;

/** Whole hours in the period, for a progress bar. */
export function periodHours(spec: Pick<RecommendSpec, 'from' | 'to'>): number {
  return Math.ceil((spec.to - spec.from) / HOUR_MS);
}

/**
 * How far a read in time order has come through the period, in whole hours (a replay reads
 * only the calls its changes touch, so counting calls would not reach the total).
 */
function trackPeriod(spec: RecommendSpec, onHours: (hours: number) => void) {
  let reported = 0;
  const reach = (hours: number) => {
    if (hours > reported) onHours(hours - reported);
    reported = Math.max(reported, hours);
  };
  return {
    read(calls: readonly RecordedCall[]) {
      const last = calls[calls.length - 1];
      if (last) reach(Math.floor((last.timestamp - spec.from) / HOUR_MS));
    },
    finish: () => reach(periodHours(spec)),
  };
}

function replaySpec(spec: RecommendSpec, finding: Finding): WhatIfSpec {
  return {
    scenario: finding.change.scenario,
    from: spec.from,
    to: spec.to,
    filters: [...spec.filters, ...whereFilters(finding.change.where)],
    dimensions: [],
    providers: spec.providers,
  };
}

function whereFilters(where: { feature: string; model?: string }): ReportFilter[] {
  const filters: ReportFilter[] = [{ dimension: 'feature', value: where.feature }];
  if (where.model !== undefined) filters.push({ dimension: 'model', value: where.model });
  return filters;
}
