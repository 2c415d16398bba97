import type { ActivityHour, ActivityMinute } from '../activity-spec.ts';
import type { Dimension } from '../report-spec.ts';
import { readGroupKeys } from './read-group-keys.ts';
import { textCell } from './text-cell.ts';

type Row = Readonly<Record<string, unknown>>;

/** A row of the hourly activity query (counts may arrive as text or bigint: Number reads both). */
export function readActivityHour(row: Row, dimensions: readonly Dimension[]): ActivityHour {
  return {
    keys: readGroupKeys(row, dimensions),
    hourStart: Number(row.hour_start),
    calls: Number(row.calls),
    cost: Number(row.cost),
    tokens: Number(row.tokens),
    users: Number(row.users),
  };
}

/** A row of the per-minute activity query. */
export function readActivityMinute(row: Row): ActivityMinute {
  return {
    entity: textCell(row.entity),
    feature: typeof row.feature === 'string' ? row.feature : null,
    minuteStart: Number(row.minute_start),
    calls: Number(row.calls),
    tokens: Number(row.tokens),
  };
}
