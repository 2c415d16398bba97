import type { DetectorTuning } from './detector-tuning.ts';
import type { FlaggedPoint } from './group-flagged-points.ts';

/** An hour as judged: its score, even when it is not anomalous on its own. */
export interface JudgedPoint extends FlaggedPoint {
  typical: number;
}

/**
 * Hours that are anomalous together though none is alone: a run of 2 to `windowHours`
 * consecutive hours, each above its baseline (score ≥ windowMinScore), whose summed scores
 * reach the threshold once scaled by √hours (independent noise grows by √n, a sustained
 * shift by n), and whose total is windowMinRatio times expected and material.
 */
export function flagSustainedWindows(
  judged: readonly (JudgedPoint | undefined)[],
  tuning: DetectorTuning,
): FlaggedPoint[] {
  const flagged = new Map<number, FlaggedPoint>();
  for (let start = 0; start < judged.length; start++) {
    let scores = 0;
    let observed = 0;
    let expected = 0;
    for (let hours = 1; hours <= tuning.windowHours; hours++) {
      const point = judged[start + hours - 1];
      if (point === undefined || point.score < tuning.windowMinScore) break;
      scores += point.score;
      observed += point.observed;
      expected += point.expected;
      if (hours < 2) continue;
      const sustained =
        scores / Math.sqrt(hours) >= tuning.threshold &&
        observed >= tuning.windowMinRatio * expected &&
        observed - expected >= tuning.materiality * point.typical * hours;
      if (!sustained) continue;
      for (let offset = 0; offset < hours; offset++) {
        const member = judged[start + offset];
        if (member) flagged.set(member.index, member);
      }
    }
  }
  return [...flagged.values()];
}
