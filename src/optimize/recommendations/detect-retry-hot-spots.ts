import type { RecordedCall } from '../../domain/recorded-call.ts';
import { costOf, entry, featureOf, percent } from './event-figures.ts';
import type { Detector, Finding } from './recommendation.ts';

/** Retries per request at or above this make a hot spot. */
const MIN_RETRY_RATE = 0.02;
const MIN_REQUESTS = 50;

interface Group {
  feature: string;
  model: string;
  requests: number;
  retries: number;
  failedAttempts: number;
  failedCost: number;
  errorKinds: Map<string, number>;
}

/**
 * Retry hot spots: a feature and model whose calls fail and are retried often, where the
 * failed attempts bill (a timeout bills the prompt it read). The change replays the period
 * with the failed attempts billing nothing (`--fix-retries`): what removing the cause (a
 * timeout too short, a rate limit hit by bursts) would save. Answers do not change.
 */
export function createRetryHotSpotDetector(): Detector {
  const groups = new Map<string, Group>();
  return {
    observe(event: RecordedCall) {
      const feature = featureOf(event);
      if (feature === undefined) return;
      const group = entry(groups, `${feature}\u0000${event.model}`, () => ({
        feature,
        model: event.model,
        requests: 0,
        retries: 0,
        failedAttempts: 0,
        failedCost: 0,
        errorKinds: new Map<string, number>(),
      }));
      if (event.attempt === 1) group.requests += 1;
      else group.retries += 1;
      if (event.status !== 'error') return;
      group.failedAttempts += 1;
      group.failedCost += costOf(event);
      const kind = event.errorKind ?? 'unknown';
      group.errorKinds.set(kind, (group.errorKinds.get(kind) ?? 0) + 1);
    },
    findings() {
      const found: Finding[] = [];
      for (const group of groups.values()) {
        const rate = group.retries / Math.max(1, group.requests);
        if (group.requests < MIN_REQUESTS || rate < MIN_RETRY_RATE || group.failedCost <= 0) {
          continue;
        }
        found.push({
          kind: 'retry-hot-spot',
          scope: { feature: group.feature, model: group.model },
          title: `Fix the failures behind ${group.feature}'s retries on ${group.model}`,
          change: {
            scenario: { kind: 'no-retries' },
            where: { feature: group.feature, model: group.model },
          },
          evidence: {
            requests: group.requests,
            retries: group.retries,
            retry_rate: percent(rate),
            failed_attempts: group.failedAttempts,
            failed_attempt_cost: group.failedCost,
            errors: [...group.errorKinds]
              .sort((a, b) => b[1] - a[1])
              .map(([kind, count]) => `${kind} ${count}`)
              .join(', '),
          },
          quality_risk: {
            level: 'low',
            reason: 'the attempts that served the requests are unchanged; only failed ones go',
          },
        });
      }
      return found;
    },
  };
}
