export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

export type SeasonalityPattern = 'office-hours' | 'customer-facing' | 'nightly' | 'nightly-bulk';

interface PatternShape {
  /** Relative volume per UTC hour, 0–23. */
  hours: readonly number[];
  /** Saturday and Sunday volume relative to a weekday. */
  weekend: number;
}

/** Employees in Europe and the Americas: busy 08–17 UTC with a lunch dip, quiet at night. */
const OFFICE_HOURS = [
  0.1, 0.08, 0.07, 0.07, 0.08, 0.12, 0.25, 0.5, 0.85, 1, 1, 0.95, 0.8, 0.95, 1, 1, 0.95, 0.8, 0.6,
  0.45, 0.35, 0.25, 0.18, 0.13,
];

/** End customers keep chatting into the evening. */
const CUSTOMER_FACING = [
  0.25, 0.2, 0.17, 0.15, 0.15, 0.18, 0.3, 0.5, 0.75, 0.9, 0.95, 1, 0.95, 0.95, 1, 1, 0.95, 0.9,
  0.85, 0.75, 0.65, 0.55, 0.45, 0.33,
];

/** Scheduled jobs start at 02:00 UTC. */
const NIGHTLY = OFFICE_HOURS.map((_, hour) => (hour === 2 ? 1 : 0));

/** A nightly bulk run at 02:00 plus a trickle of daytime updates. */
const NIGHTLY_BULK = OFFICE_HOURS.map((weight, hour) => (hour === 2 ? 12 : weight * 0.6));

const PATTERNS: Record<SeasonalityPattern, PatternShape> = {
  'office-hours': { hours: OFFICE_HOURS, weekend: 0.22 },
  'customer-facing': { hours: CUSTOMER_FACING, weekend: 0.4 },
  nightly: { hours: NIGHTLY, weekend: 0.5 },
  'nightly-bulk': { hours: NIGHTLY_BULK, weekend: 0.4 },
};

/** 0 is Sunday; the epoch (1970-01-01) was a Thursday. */
export function utcDayOfWeek(timestamp: number): number {
  return (Math.floor(timestamp / DAY_MS) + 4) % 7;
}

export function utcHourOfDay(timestamp: number): number {
  return Math.floor(timestamp / HOUR_MS) % 24;
}

/** Relative volume of a pattern in one UTC hour, averaging 1 over a whole week. */
export function seasonalWeight(pattern: SeasonalityPattern, hourStart: number): number {
  const shape = PATTERNS[pattern];
  const day = utcDayOfWeek(hourStart);
  const dayFactor = day === 0 || day === 6 ? shape.weekend : 1;
  return ((shape.hours[utcHourOfDay(hourStart)] ?? 0) * dayFactor) / weeklyMean(shape);
}

function weeklyMean(shape: PatternShape): number {
  let daySum = 0;
  for (const weight of shape.hours) daySum += weight;
  return (daySum * (5 + 2 * shape.weekend)) / (7 * 24);
}
