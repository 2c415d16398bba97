import type {
  ActivityHour,
  ActivityMinute,
  ActivityMinutesSpec,
  ActivitySpec,
} from '../activity-spec.ts';
import { buildActivityHoursQuery, buildActivityMinutesQuery } from '../sql/activity-query.ts';
import { readActivityHour, readActivityMinute } from '../sql/read-activity-rows.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** Calls, tokens, cost and distinct users per scope group and hour, through the shared builder. */
export async function queryClickHouseActivityHours(
  connection: ClickHouseConnection,
  spec: ActivitySpec,
): Promise<ActivityHour[]> {
  const rows = await connection.rows(buildActivityHoursQuery(spec, clickHouseDialect));
  return rows.map((row) => readActivityHour(row, spec.dimensions));
}

/** Calls and tokens per trace or virtual key and minute, through the shared builder. */
export async function queryClickHouseActivityMinutes(
  connection: ClickHouseConnection,
  spec: ActivityMinutesSpec,
): Promise<ActivityMinute[]> {
  const rows = await connection.rows(buildActivityMinutesQuery(spec, clickHouseDialect));
  return rows.map(readActivityMinute);
}
