import { DAY_MS } from './seasonality.ts';

export interface DemoOptions {
  days: number;
  seed: number;
  /** Epoch ms; the workload covers [end − days × 24 h, end). */
  end: number;
  /** Defaults to DEFAULT_EVENTS_PER_DAY, so 30 days make about a million events. */
  eventsPerDay?: number;
}

export interface DemoPlan {
  /** The exact number of events `generateDemoWorkload` yields for the same options. */
  totalEvents: number;
}

export const DEFAULT_EVENTS_PER_DAY = 33_333;

/** The covered period, checked once so the generator can trust its inputs. */
export interface DemoPeriod {
  start: number;
  end: number;
  seed: number;
  eventsPerDay: number;
}

export function resolveDemoPeriod(options: DemoOptions): DemoPeriod {
  const eventsPerDay = options.eventsPerDay ?? DEFAULT_EVENTS_PER_DAY;
  if (!Number.isFinite(options.days) || options.days <= 0) {
    throw new RangeError(`days must be a number above 0 (got ${options.days})`);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be a whole number (got ${options.seed})`);
  }
  if (!Number.isSafeInteger(options.end)) {
    throw new RangeError(`end must be whole epoch milliseconds (got ${options.end})`);
  }
  if (!Number.isFinite(eventsPerDay) || eventsPerDay <= 0) {
    throw new RangeError(`eventsPerDay must be a number above 0 (got ${eventsPerDay})`);
  }
  const start = options.end - Math.round(options.days * DAY_MS);
  return { start, end: options.end, seed: options.seed, eventsPerDay };
}
