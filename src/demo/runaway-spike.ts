import type { DemoPeriod } from './demo-options.ts';
import { DEFAULT_EVENTS_PER_DAY } from './demo-options.ts';
import { DAY_MS, HOUR_MS } from './seasonality.ts';

/** The injected cost spike: one coding-agent trace looping for two hours. */
export interface RunawaySpike {
  start: number;
  /** Exclusive. */
  end: number;
  /** Time between two steps of the loop. */
  stepIntervalMs: number;
  /** Steps whose slot lies in the period, the first at `start`. */
  steps: number;
}

const SPIKE_HOUR_UTC = 13;
const SPIKE_DURATION_MS = 2 * HOUR_MS;
/** At the default volume a step every 18 s costs about ten normal coding-agent hours an hour. */
const STEP_INTERVAL_MS = 18_000;

/** Two hours from 13:00 UTC on the day two thirds into the period, cut to the period. */
export function findRunawaySpike(period: DemoPeriod): RunawaySpike | undefined {
  const twoThirds = period.start + ((period.end - period.start) * 2) / 3;
  const start = Math.max(
    period.start,
    Math.floor(twoThirds / DAY_MS) * DAY_MS + SPIKE_HOUR_UTC * HOUR_MS,
  );
  const end = Math.min(period.end, start + SPIKE_DURATION_MS);
  if (end <= start) return undefined;
  // The loop keeps the same share of a smaller or larger workload.
  const scaled = (STEP_INTERVAL_MS * DEFAULT_EVENTS_PER_DAY) / period.eventsPerDay;
  const stepIntervalMs = Math.round(Math.min(20 * 60_000, Math.max(1000, scaled)));
  return { start, end, stepIntervalMs, steps: Math.ceil((end - start) / stepIntervalMs) };
}
