import type { DuckDBValue } from '@duckdb/node-api';
import type { PricedUsageEvent } from '../../domain/usage-event.ts';
import { eventFromRow } from '../sql/event-from-row.ts';
import { readTagColumns } from '../sql/read-tag-columns.ts';

/** Select list that `readEventRow` understands: every column, the time as epoch ms. */
export const EVENT_ROW_SELECT = 'epoch_ms(ts) AS ts_ms, * EXCLUDE (ts)';

/** Turns a stored row back into the event it came from. */
export function readEventRow(row: Record<string, DuckDBValue | undefined>): PricedUsageEvent {
  return eventFromRow(row, { timestamp: Number(row.ts_ms), tags: readTagColumns(row) });
}
