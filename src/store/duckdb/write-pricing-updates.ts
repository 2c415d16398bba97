import type { DuckDBConnection } from '@duckdb/node-api';
import type { PricingUpdate } from '../store.ts';
import type { TableColumn } from '../column-batch.ts';
import { PRICING_COLUMNS } from '../event-columns.ts';
import { appendRows } from './chunk-appender.ts';

const UPDATE_COLUMNS: readonly TableColumn<PricingUpdate>[] = [
  { name: 'id', layout: 'varchar', read: (update) => update.id },
  ...PRICING_COLUMNS,
];
const PRICING_NAMES = PRICING_COLUMNS.map(({ name }) => name);

/** Writes new costs for stored events; the caller wraps it in a transaction. */
export async function writePricingUpdates(
  connection: DuckDBConnection,
  updates: readonly PricingUpdate[],
): Promise<void> {
  await connection.run(
    `CREATE TEMP TABLE IF NOT EXISTS staged_pricing AS SELECT id, ${PRICING_NAMES.join(', ')} FROM events LIMIT 0`,
  );
  await connection.run('DELETE FROM staged_pricing');
  await appendRows(connection, 'staged_pricing', UPDATE_COLUMNS, updates);
  await connection.run(
    `UPDATE events SET ${PRICING_NAMES.map((column) => `${column} = p.${column}`).join(', ')}
     FROM staged_pricing p WHERE events.id = p.id`,
  );
  await connection.run('DELETE FROM staged_pricing');
}
