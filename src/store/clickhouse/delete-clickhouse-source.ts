import type { EventSource } from '../../domain/usage-event.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { quoteClickHouseText } from './render-clickhouse-query.ts';
import { waitForClickHouseMutations } from './wait-for-clickhouse-mutations.ts';

/**
 * Deletes the events one door wrote. ClickHouse deletes through a mutation that rewrites
 * parts in the background: the count is taken first, then the mutation is waited for, so
 * the call returns once it holds.
 */
export async function deleteClickHouseSource(
  connection: ClickHouseConnection,
  source: EventSource,
): Promise<number> {
  const condition = `source = ${quoteClickHouseText(source)}`;
  const [row] = await connection.rows(`SELECT count() AS events FROM events WHERE ${condition}`);
  const events = Number(row?.events ?? 0);
  if (events === 0) return 0;
  await connection.command(`ALTER TABLE events DELETE WHERE ${condition}`);
  await waitForClickHouseMutations(connection, `deleting the ${source} events`);
  return events;
}
