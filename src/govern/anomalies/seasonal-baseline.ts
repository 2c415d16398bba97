import type { DetectorTuning } from './detector-tuning.ts';
import { MAD_TO_SIGMA, median, medianAbsoluteDeviation } from './robust-statistics.ts';

export const HOUR_MS = 3_600_000;
const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 7 * HOURS_PER_DAY;

export interface Baseline {
  expected: number;
  /** Robust standard deviation of the samples (MAD × 1.4826), before any floor. */
  spread: number;
  samples: number;
}

/** 0 is Sunday; the epoch (1970-01-01) was a Thursday. */
const isWeekend = (hourStart: number): boolean => {
  const day = (Math.floor(hourStart / (HOURS_PER_DAY * HOUR_MS)) + 4) % 7;
  return day === 0 || day === 6;
};

/**
 * The baseline of hour `index` of an hourly series starting at `firstHour`: the median and MAD
 * of the same weekday and hour over previous weeks, together with the same hour on recent
 * days of the same kind (weekday or weekend). Only earlier hours are read, never the hour
 * judged, and medians ignore the odd earlier spike or holiday: a spike cannot raise its own
 * baseline. Undefined when fewer than `minSamples` earlier hours exist.
 */
export function seasonalBaseline(
  values: ArrayLike<number>,
  index: number,
  firstHour: number,
  tuning: DetectorTuning,
): Baseline | undefined {
  const samples: number[] = [];
  for (let week = 1; week <= tuning.weeks; week++) {
    const at = index - week * HOURS_PER_WEEK;
    if (at >= 0) samples.push(values[at] ?? 0);
  }
  const weekend = isWeekend(firstHour + index * HOUR_MS);
  for (let day = 1; day <= tuning.days; day++) {
    const at = index - day * HOURS_PER_DAY;
    // Whole weeks back are already in; other days count when they are the same kind of day.
    if (at < 0 || day % 7 === 0 || isWeekend(firstHour + at * HOUR_MS) !== weekend) continue;
    samples.push(values[at] ?? 0);
  }
  if (samples.length < tuning.minSamples) return undefined;
  const expected = median(samples);
  const spread = MAD_TO_SIGMA * medianAbsoluteDeviation(samples, expected);
  return { expected, spread, samples: samples.length };
}
