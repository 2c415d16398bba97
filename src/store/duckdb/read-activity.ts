import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  ActivityHour,
  ActivityMinute,
  ActivityMinutesSpec,
  ActivitySpec,
} from '../activity-spec.ts';
import { buildActivityHoursQuery, buildActivityMinutesQuery } from '../sql/activity-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { readGroupKeys } from '../sql/read-group-keys.ts';
import { textCell } from '../sql/text-cell.ts';

/** Runs the hourly activity query and reads its rows. */
export async function readActivityHours(
  connection: DuckDBConnection,
  spec: ActivitySpec,
): Promise<ActivityHour[]> {
  const query = buildActivityHoursQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => ({
    keys: readGroupKeys(row, spec.dimensions),
    hourStart: Number(row.hour_start),
    calls: Number(row.calls),
    cost: Number(row.cost),
    tokens: Number(row.tokens),
    users: Number(row.users),
  }));
}

/** Runs the per-minute activity query (traces or virtual keys) and reads its rows. */
export async function readActivityMinutes(
  connection: DuckDBConnection,
  spec: ActivityMinutesSpec,
): Promise<ActivityMinute[]> {
  const query = buildActivityMinutesQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => ({
    entity: textCell(row.entity),
    feature: typeof row.feature === 'string' ? row.feature : null,
    minuteStart: Number(row.minute_start),
    calls: Number(row.calls),
    tokens: Number(row.tokens),
  }));
}
