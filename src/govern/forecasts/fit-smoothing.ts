import {
  filterSeries,
  type SmoothingFit,
  type SmoothingModel,
  type SmoothingParameters,
} from './exponential-smoothing.ts';

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BETAS = [0, 0.01, 0.05, 0.1, 0.2];
const GAMMAS = [0, 0.05, 0.1, 0.2, 0.3, 0.5];
const PHIS = [0.8, 0.9, 0.98];

/**
 * Fits the smoothing parameters by the least one-step squared error over a fixed grid: a few
 * hundred candidates, each one pass over at most a few months of days, so a grid costs
 * milliseconds, is deterministic, and cannot wander out of the stable region the way an
 * unconstrained optimiser can (beta ≤ alpha and gamma ≤ 1 − alpha keep every candidate
 * forecastable).
 */
export function fitSmoothing(series: readonly number[], model: SmoothingModel): SmoothingFit {
  return [...candidates(model)]
    .map((parameters) => filterSeries(series, model, parameters))
    .reduce((best, fit) => (fit.sse < best.sse ? fit : best));
}

function* candidates(model: SmoothingModel): Generator<SmoothingParameters> {
  const betas = model.trend ? BETAS : [0];
  const gammas = model.period > 0 ? GAMMAS : [0];
  const phis = model.trend ? PHIS : [1];
  for (const alpha of ALPHAS) {
    for (const beta of betas) {
      if (beta > alpha) continue;
      for (const gamma of gammas) {
        if (gamma > 1 - alpha) continue;
        for (const phi of phis) yield { alpha, beta, gamma, phi };
      }
    }
  }
}
