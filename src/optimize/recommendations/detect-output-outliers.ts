import type { RecordedCall } from '../../domain/recorded-call.ts';
import { entry, featureOf, percent, quantile } from './event-figures.ts';
import type { Detector, Finding } from './recommendation.ts';

/** A long tail: the 99th percentile answer this many times the median one. */
const MIN_TAIL_RATIO = 3;
const MIN_CALLS = 50;
/** The cap: the 95th percentile, rounded up to this many tokens. */
const CAP_SHARE = 0.95;
const CAP_STEP = 50;

/**
 * Output-length outliers: features whose longest answers run far past their typical one. The
 * change caps the answer (`max_tokens`) at the feature's 95th percentile, so one answer in
 * twenty would be cut — hence a medium risk at least.
 */
export function createOutputOutlierDetector(): Detector {
  const outputs = new Map<string, number[]>();
  return {
    observe(event: RecordedCall) {
      const feature = featureOf(event);
      if (feature === undefined || event.status !== 'ok' || event.tokens.output === 0) return;
      entry(outputs, feature, () => []).push(event.tokens.output);
    },
    findings() {
      const found: Finding[] = [];
      for (const [feature, values] of outputs) {
        if (values.length < MIN_CALLS) continue;
        const sorted = values.sort((a, b) => a - b);
        const median = quantile(sorted, 0.5);
        const p99 = quantile(sorted, 0.99);
        if (p99 < MIN_TAIL_RATIO * median) continue;
        const cap = Math.ceil(quantile(sorted, CAP_SHARE) / CAP_STEP) * CAP_STEP;
        const cut = sorted.filter((value) => value > cap);
        const total = sorted.reduce((sum, value) => sum + value, 0);
        const beyond = cut.reduce((sum, value) => sum + value - cap, 0);
        found.push({
          kind: 'output-outliers',
          scope: { feature },
          title: `Cap ${feature} answers at ${cap} tokens`,
          change: { scenario: { kind: 'output-cap', maxOutputTokens: cap }, where: { feature } },
          evidence: {
            calls: sorted.length,
            median_output_tokens: median,
            p99_output_tokens: p99,
            max_output_tokens: sorted[sorted.length - 1] ?? 0,
            output_tokens_beyond_cap: percent(beyond / total),
          },
          quality_risk: {
            level: 'medium',
            reason: `${percent(cut.length / sorted.length)} of answers would be cut short; check they are padding, not content`,
          },
        });
      }
      return found;
    },
  };
}
