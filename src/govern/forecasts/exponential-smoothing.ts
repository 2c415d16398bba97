/**
 * Additive exponential smoothing in its error-correction (state space) form, Hyndman et al.,
 * "Forecasting with Exponential Smoothing" (2008): one function filters a series and returns
 * the one-step errors and the final state, which is all a forecast and its interval need.
 * Two shapes are used: ETS(A,Ad,A), additive Holt-Winters with a damped trend and a season,
 * and ETS(A,N,N), simple smoothing of a level alone.
 */
export interface SmoothingParameters {
  /** Level smoothing, 0..1. */
  alpha: number;
  /** Trend smoothing (error-correction form, so at most alpha); 0 without a trend. */
  beta: number;
  /** Season smoothing, at most 1 − alpha; 0 without a season. */
  gamma: number;
  /** Trend damping, 0..1: a trend fades rather than running on for a whole month. */
  phi: number;
}

export interface SmoothingModel {
  /** Season length in observations; 0 for no season. */
  period: number;
  trend: boolean;
}

export interface SmoothingState {
  level: number;
  trend: number;
  /** Seasonal effects indexed by observation number modulo the period. */
  season: number[];
  /** Observations filtered: the next one to forecast is number `observed`. */
  observed: number;
}

export interface SmoothingFit {
  parameters: SmoothingParameters;
  state: SmoothingState;
  /** Sum of squared one-step errors over the observations after the initial state. */
  sse: number;
  residuals: number;
}

/**
 * A heuristic initial state: with a season, the first two seasons give the level, the trend
 * (the change between their means) and the detrended first-season effects; without one, the
 * first observation is the level and filtering starts after it.
 */
export function initialState(series: readonly number[], model: SmoothingModel): SmoothingState {
  const m = model.period;
  if (m === 0) return { level: series[0] ?? 0, trend: 0, season: [], observed: 1 };
  const first = mean(series.slice(0, m));
  const trend = model.trend ? (mean(series.slice(m, 2 * m)) - first) / m : 0;
  const season = series
    .slice(0, m)
    .map((value, index) => value - first - trend * (index - (m - 1) / 2));
  // The level just before observation 0, so that mid-season it equals the first season's mean.
  return { level: first - (trend * (m + 1)) / 2, trend, season, observed: 0 };
}

/** Runs the recursions over every observation from the initial state. */
export function filterSeries(
  series: readonly number[],
  model: SmoothingModel,
  parameters: SmoothingParameters,
): SmoothingFit {
  const start = initialState(series, model);
  let { level, trend } = start;
  const season = [...start.season];
  const { alpha, beta, gamma, phi } = parameters;
  let sse = 0;
  for (let t = start.observed; t < series.length; t += 1) {
    const slot = model.period === 0 ? -1 : t % model.period;
    const seasonal = season[slot] ?? 0;
    const error = (series[t] ?? 0) - (level + phi * trend + seasonal);
    sse += error * error;
    level = level + phi * trend + alpha * error;
    trend = phi * trend + beta * error;
    if (slot >= 0) season[slot] = seasonal + gamma * error;
  }
  return {
    parameters,
    state: { level, trend, season, observed: series.length },
    sse,
    residuals: series.length - start.observed,
  };
}

/** The mean forecast h ≥ 1 steps after the last observation. */
export function pointForecast(fit: SmoothingFit, model: SmoothingModel, h: number): number {
  const { level, trend, season, observed } = fit.state;
  const { phi } = fit.parameters;
  let damped = 0;
  for (let step = 1, power = phi; step <= h; step += 1, power *= phi) damped += power;
  const seasonal = model.period === 0 ? 0 : (season[(observed - 1 + h) % model.period] ?? 0);
  return level + damped * trend + seasonal;
}

/**
 * c_j, how much an error j steps back still moves a forecast: the forecast error h steps ahead
 * is ε_h + Σ_{j<h} c_j ε_{h−j}, so its variance is σ²(1 + Σ c_j²) (Hyndman et al., ch. 6).
 */
export function errorWeights(fit: SmoothingFit, model: SmoothingModel, steps: number): number[] {
  const { alpha, beta, gamma, phi } = fit.parameters;
  const weights: number[] = [];
  let damped = 0;
  for (let j = 1, power = phi; j <= steps; j += 1, power *= phi) {
    damped += power;
    const seasonal = model.period > 0 && j % model.period === 0 ? gamma : 0;
    weights.push(alpha + beta * damped + seasonal);
  }
  return weights;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}
