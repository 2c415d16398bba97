import type { RecordedCall } from '../../domain/recorded-call.ts';
import { costOf, countOutcome, entry, featureOf, percent, successRate } from './event-figures.ts';
import { createExperimentEvidence } from './experiment-evidence.ts';
import type { Detector, Finding, QualityRisk } from './recommendation.ts';

/** A model this much dearer per call than another on the same feature is a candidate. */
const MIN_PRICE_RATIO = 1.5;
const MIN_CALLS = 20;
/** A success-rate gap (dearer minus cheaper) above this is a high risk. */
const MEDIUM_GAP = 0.05;

interface ModelUse {
  provider: string;
  model: string;
  calls: number;
  cost: number;
  outputTokens: number;
  outcomes: { success: number; total: number };
}

/**
 * Tiering candidates: a feature served by several models whose dearer model costs far more per
 * call than the cheapest one already in use for the same work. The change replays the dearer
 * model's calls on the cheaper one; the risk compares the two models' success rates on this
 * feature (PRODUCT.md §3: a switch is only safe when the outcomes say so).
 */
export function createTieringDetector(): Detector {
  const features = new Map<string, Map<string, ModelUse>>();
  const experiments = createExperimentEvidence();
  return {
    observe(event: RecordedCall) {
      const feature = featureOf(event);
      if (feature === undefined) return;
      experiments.observe(event, feature);
      if (event.status !== 'ok' || event.cost === null) return;
      const models = entry(features, feature, () => new Map<string, ModelUse>());
      const use = entry(models, `${event.provider}\u0000${event.model}`, () => ({
        provider: event.provider,
        model: event.model,
        calls: 0,
        cost: 0,
        outputTokens: 0,
        outcomes: { success: 0, total: 0 },
      }));
      use.calls += 1;
      use.cost += costOf(event);
      use.outputTokens += event.tokens.output;
      countOutcome(use.outcomes, event);
    },
    findings() {
      const found: Finding[] = [];
      for (const [feature, models] of features) {
        const used = [...models.values()].filter((use) => use.calls >= MIN_CALLS);
        const perCall = (use: ModelUse) => use.cost / use.calls;
        const cheapest = used.reduce<ModelUse | undefined>(
          (best, use) => (best === undefined || perCall(use) < perCall(best) ? use : best),
          undefined,
        );
        if (cheapest === undefined) continue;
        for (const dearer of used) {
          if (perCall(dearer) < MIN_PRICE_RATIO * perCall(cheapest)) continue;
          found.push({
            kind: 'tiering',
            scope: { feature, model: dearer.model },
            title: `Serve ${feature} with ${cheapest.model} instead of ${dearer.model}`,
            change: {
              scenario: { kind: 'model', provider: cheapest.provider, model: cheapest.model },
              where: { feature, model: dearer.model },
            },
            evidence: {
              calls: dearer.calls,
              cost_per_call: dearer.cost / dearer.calls,
              cheaper_model_cost_per_call: perCall(cheapest),
              output_tokens_per_call: Math.round(dearer.outputTokens / dearer.calls),
              cheaper_model_calls: cheapest.calls,
            },
            quality_risk:
              experimentRisk(experiments.verdict(feature, dearer.model, cheapest.model)) ??
              outcomeRisk(dearer, cheapest),
          });
        }
      }
      return found;
    },
  };
}

/**
 * PRODUCT.md §3's quality gate: a switch is low risk only when an experiment that ran both
 * models on this feature says it is safe; an experiment that says worse makes it high.
 */
function experimentRisk(
  row: ReturnType<ReturnType<typeof createExperimentEvidence>['verdict']>,
): QualityRisk | undefined {
  if (row === undefined) return undefined;
  const reason = `experiment ${row.experiment}, variant ${row.variant}: ${row.verdict} — ${row.reason}`;
  if (row.verdict === 'safe to switch') return { level: 'low', reason };
  return { level: row.verdict === 'worse' ? 'high' : 'medium', reason };
}

/** Without an experiment, the outcomes each model happened to get: never proof enough for low. */
function outcomeRisk(dearer: ModelUse, cheaper: ModelUse): QualityRisk {
  const current = successRate(dearer.outcomes);
  const candidate = successRate(cheaper.outcomes);
  if (current === undefined || candidate === undefined) {
    return {
      level: 'medium',
      reason: `too few outcomes on this feature to compare ${cheaper.model} with ${dearer.model}: run an experiment first`,
    };
  }
  const gap = current - candidate;
  const compared = `${percent(candidate)} success on ${cheaper.model} against ${percent(current)} on ${dearer.model} for this feature`;
  if (gap > MEDIUM_GAP) return { level: 'high', reason: compared };
  return {
    level: 'medium',
    reason: `${compared}; not proven until a percentage split (routing[].split) compares them`,
  };
}
