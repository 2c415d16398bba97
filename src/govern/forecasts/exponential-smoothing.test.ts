import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorWeights, filterSeries, pointForecast } from './exponential-smoothing.ts';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('additive exponential smoothing', () => {
  it('smooths a level alone, as computed by hand', () => {
    const model = { period: 0, trend: false };
    // l0 = 1; e1 = 2 − 1 = 1, l1 = 1.5; e2 = 3 − 1.5 = 1.5, l2 = 2.25.
    const fit = filterSeries([1, 2, 3], model, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 });
    close(fit.state.level, 2.25);
    close(fit.sse, 1 + 2.25);
    assert.equal(fit.residuals, 2);
    close(pointForecast(fit, model, 3), 2.25);
    assert.deepEqual(errorWeights(fit, model, 2), [0.5, 0.5]);
  });

  it('runs Holt-Winters with a trend and a season, as computed by hand', () => {
    const model = { period: 2, trend: true };
    // Seasons (1, 3) and (2, 5): trend (3.5 − 2) / 2 = 0.75, level 2 − 0.75 × 1.5 = 0.875,
    // season (1 − 2 + 0.375, 3 − 2 − 0.375) = (−0.625, 0.625).
    const fit = filterSeries([1, 3, 2, 5], model, { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 1 });
    // t0: ŷ 0.875 + 0.75 − 0.625 = 1, e 0, l 1.625. t1: ŷ 1.625 + 0.75 + 0.625 = 3, e 0,
    // l 2.375. t2: ŷ 2.375 + 0.75 − 0.625 = 2.5, e −0.5, l 2.875, b 0.7, s0 −0.725.
    // t3: ŷ 2.875 + 0.7 + 0.625 = 4.2, e 0.8, l 3.975, b 0.78, s1 0.785.
    close(fit.sse, 0.25 + 0.64);
    close(fit.state.level, 3.975);
    close(fit.state.trend, 0.78);
    close(fit.state.season[0] ?? NaN, -0.725);
    close(fit.state.season[1] ?? NaN, 0.785);
    close(pointForecast(fit, model, 1), 3.975 + 0.78 - 0.725);
    close(pointForecast(fit, model, 2), 3.975 + 2 * 0.78 + 0.785);
    // c1 = α + β = 0.6; c2 = α + 2β + γ (a whole season back) = 0.9.
    const weights = errorWeights(fit, model, 2);
    close(weights[0] ?? NaN, 0.6);
    close(weights[1] ?? NaN, 0.9);
  });

  it('damps the trend: h steps add φ + φ² + … + φ^h of it', () => {
    const model = { period: 2, trend: true };
    const fit = filterSeries([1, 3, 2, 4], model, { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 0.5 });
    const { level, trend, season } = fit.state;
    close(pointForecast(fit, model, 2), level + 0.75 * trend + (season[1] ?? NaN));
  });
});
