import type { Dimension } from './report-spec.ts';

/** The hourly activity anomaly detection reads: scope groups over [from, to). */
export interface ActivitySpec {
  dimensions: Dimension[];
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
}

/** One scope group's hour; hours without calls have no row. */
export interface ActivityHour {
  /** The grouped dimension values, keyed by dimension name. */
  keys: Record<string, string>;
  /** Epoch ms of the hour's start (UTC). */
  hourStart: number;
  calls: number;
  /** Effective cost, USD (unpriced calls count as 0). */
  cost: number;
  /** Input + output tokens (cache reads and reasoning are parts of those). */
  tokens: number;
  /** Distinct `user` tags. */
  users: number;
}

/** What a runaway is looked for in: one agent trace, or one gateway virtual key. */
export type RunawayEntity = 'trace' | 'virtual_key';

export interface ActivityMinutesSpec {
  entity: RunawayEntity;
  from: number;
  to: number;
}

/** Calls of one trace or virtual key in one minute; minutes without calls have no row. */
export interface ActivityMinute {
  /** The trace id, or the virtual key's name (the free tag `virtual_key`). */
  entity: string;
  /** A feature tag of the minute's calls (traces are compared with their feature's). */
  feature: string | null;
  /** Epoch ms of the minute's start. */
  minuteStart: number;
  calls: number;
  tokens: number;
}
