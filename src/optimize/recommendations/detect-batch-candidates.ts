import type { RecordedCall } from '../../domain/recorded-call.ts';
import { entry, featureOf, percent } from './event-figures.ts';
import type { Detector, Finding, QualityRisk } from './recommendation.ts';

/** This share of calls already on the batch tier shows the work tolerates a delay… */
const MIN_BATCH_SHARE = 0.05;
/** …as does this share of calls between 22:00 and 06:00 UTC with nobody streaming. */
const MIN_NIGHT_SHARE = 0.5;
const MIN_STANDARD_CALLS = 20;

interface FeatureUse {
  calls: number;
  batchCalls: number;
  standardCalls: number;
  nightCalls: number;
  streamedCalls: number;
}

/**
 * Batch candidates: features whose calls run on the standard tier although the work does not
 * wait for them — part of it already goes through a batch API, or it runs at night and nobody
 * streams the answer. The change replays the feature on the batch tier (`--tier batch`).
 */
export function createBatchDetector(): Detector {
  const features = new Map<string, FeatureUse>();
  return {
    observe(event: RecordedCall) {
      const feature = featureOf(event);
      if (feature === undefined) return;
      const use = entry(features, feature, () => ({
        calls: 0,
        batchCalls: 0,
        standardCalls: 0,
        nightCalls: 0,
        streamedCalls: 0,
      }));
      use.calls += 1;
      if (event.serviceTier === 'batch') use.batchCalls += 1;
      if (event.serviceTier === 'standard') use.standardCalls += 1;
      const hour = new Date(event.timestamp).getUTCHours();
      if (hour >= 22 || hour < 6) use.nightCalls += 1;
      if (event.timeToFirstTokenMs !== undefined) use.streamedCalls += 1;
    },
    findings() {
      const found: Finding[] = [];
      for (const [feature, use] of features) {
        const risk = delayRisk(use);
        if (use.standardCalls < MIN_STANDARD_CALLS || risk === undefined) continue;
        found.push({
          kind: 'batch',
          scope: { feature },
          title: `Send ${feature} through the batch API`,
          change: { scenario: { kind: 'tier', tier: 'batch' }, where: { feature } },
          evidence: {
            calls: use.calls,
            standard_tier_calls: use.standardCalls,
            already_batch: percent(use.batchCalls / use.calls),
            at_night: percent(use.nightCalls / use.calls),
            streamed: percent(use.streamedCalls / use.calls),
          },
          quality_risk: risk,
        });
      }
      return found;
    },
  };
}

/** Undefined when nothing shows the work can wait. */
function delayRisk(use: FeatureUse): QualityRisk | undefined {
  if (use.batchCalls / use.calls >= MIN_BATCH_SHARE) {
    return {
      level: 'low',
      reason: `${percent(use.batchCalls / use.calls)} of its calls already run as batch jobs: the same answers, up to 24 h later`,
    };
  }
  if (use.nightCalls / use.calls >= MIN_NIGHT_SHARE && use.streamedCalls === 0) {
    return {
      level: 'medium',
      reason: 'it runs at night and nobody streams it, but nothing shows it can wait up to 24 h',
    };
  }
  return undefined;
}
