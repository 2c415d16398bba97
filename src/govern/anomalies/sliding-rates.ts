import type { ActivityMinute } from '../../store/activity-spec.ts';
import type { RunawayMetric } from './anomaly.ts';

export const MINUTE_MS = 60_000;

/** Calls and tokens per minute over the `windowMinutes` minutes ending at one active minute. */
export interface SlidingRate {
  /** Epoch ms of the window's last minute. */
  minute: number;
  rates: Record<RunawayMetric, number>;
}

/**
 * Rates over a sliding window for one entity's minutes (sorted, one row per minute). Windows
 * end only at minutes with calls: the highest rate of any window is always among them, and
 * an entity that stopped calling has no windows left to flag.
 */
export function slidingRates(
  minutes: readonly ActivityMinute[],
  windowMinutes: number,
): SlidingRate[] {
  const rates: SlidingRate[] = [];
  const span = windowMinutes * MINUTE_MS;
  let tail = 0;
  let calls = 0;
  let tokens = 0;
  for (const row of minutes) {
    calls += row.calls;
    tokens += row.tokens;
    for (let first = minutes[tail]; first !== undefined; first = minutes[tail]) {
      if (first.minuteStart > row.minuteStart - span) break;
      calls -= first.calls;
      tokens -= first.tokens;
      tail++;
    }
    rates.push({
      minute: row.minuteStart,
      rates: { calls_per_minute: calls / windowMinutes, tokens_per_minute: tokens / windowMinutes },
    });
  }
  return rates;
}
