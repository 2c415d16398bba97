import { COMPANY_FEATURES } from './company-profile.ts';
import type { DemoOptions, DemoPeriod } from './demo-options.ts';
import { resolveDemoPeriod } from './demo-options.ts';
import { findRunawaySpike, type RunawaySpike } from './runaway-spike.ts';
import { HOUR_MS, seasonalWeight } from './seasonality.ts';
import { SeededRandom } from './seeded-random.ts';

const ALLOCATION_STREAM = 1;

/**
 * How many events each feature gets in each UTC hour of the period. Counting events before
 * generating them is what lets the plan state the exact total and the generator honour it.
 */
export interface DemoAllocation {
  period: DemoPeriod;
  /** Start of the UTC hour holding the period's first instant. */
  firstHour: number;
  hours: number;
  /** Events per hour and feature, at `hour * COMPANY_FEATURES.length + feature`. */
  featureEvents: Int32Array;
  /** Steps of the runaway agent loop per hour. */
  runawaySteps: Int32Array;
  spike: RunawaySpike | undefined;
  totalEvents: number;
}

export function allocateDemoEvents(options: DemoOptions): DemoAllocation {
  const period = resolveDemoPeriod(options);
  const firstHour = Math.floor(period.start / HOUR_MS) * HOUR_MS;
  const hours = Math.ceil((period.end - firstHour) / HOUR_MS);
  const featureCount = COMPANY_FEATURES.length;
  const weights = new Float64Array(hours * featureCount);
  let weightSum = 0;
  for (let hour = 0; hour < hours; hour++) {
    const hourStart = firstHour + hour * HOUR_MS;
    const covered = Math.min(period.end, hourStart + HOUR_MS) - Math.max(period.start, hourStart);
    for (let feature = 0; feature < featureCount; feature++) {
      const profile = COMPANY_FEATURES[feature];
      if (profile === undefined) continue;
      const weight =
        profile.share * seasonalWeight(profile.seasonality, hourStart) * (covered / HOUR_MS);
      weights[hour * featureCount + feature] = weight;
      weightSum += weight;
    }
  }
  // Scaled to the requested volume whatever the calendar; rounded up or down at random so
  // that small hours still see their rare features now and then.
  const days = (period.end - period.start) / (24 * HOUR_MS);
  const scale = weightSum > 0 ? (days * period.eventsPerDay) / weightSum : 0;
  const random = new SeededRandom(period.seed, ALLOCATION_STREAM);
  const featureEvents = new Int32Array(weights.length);
  let totalEvents = 0;
  for (let index = 0; index < weights.length; index++) {
    const expected = (weights[index] ?? 0) * scale;
    const count = Math.floor(expected) + (random.next() < expected % 1 ? 1 : 0);
    featureEvents[index] = count;
    totalEvents += count;
  }
  const spike = findRunawaySpike(period);
  const runawaySteps = new Int32Array(hours);
  if (spike !== undefined) {
    for (let step = 0; step < spike.steps; step++) {
      const hour = Math.floor((spike.start + step * spike.stepIntervalMs - firstHour) / HOUR_MS);
      runawaySteps[hour] = (runawaySteps[hour] ?? 0) + 1;
    }
    totalEvents += spike.steps;
  }
  return { period, firstHour, hours, featureEvents, runawaySteps, spike, totalEvents };
}
