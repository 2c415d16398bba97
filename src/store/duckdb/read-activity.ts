import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  ActivityHour,
  ActivityMinute,
  ActivityMinutesSpec,
  ActivitySpec,
} from '../activity-spec.ts';
import { buildActivityHoursQuery, buildActivityMinutesQuery } from '../sql/activity-query.ts';
import { readActivityHour, readActivityMinute } from '../sql/read-activity-rows.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

/** Runs the hourly activity query and reads its rows. */
export async function readActivityHours(
  connection: DuckDBConnection,
  spec: ActivitySpec,
): Promise<ActivityHour[]> {
  const query = buildActivityHoursQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((row) => readActivityHour(row, spec.dimensions));
}

/** Runs the per-minute activity query (traces or virtual keys) and reads its rows. */
export async function readActivityMinutes(
  connection: DuckDBConnection,
  spec: ActivityMinutesSpec,
): Promise<ActivityMinute[]> {
  const query = buildActivityMinutesQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map(readActivityMinute);
}
