import type { DuckDBConnection } from '@duckdb/node-api';
import type { PricingUpdate } from '../store.ts';
import { EVENT_COLUMNS } from './event-columns.ts';

const PRICING_COLUMNS = [
  'context_tier',
  'currency',
  'price_version',
  'priced',
  'flags',
  ...EVENT_COLUMNS.map(([name]) => name).filter((name) => /^(cost|list)_/.test(name)),
];

/** Writes new costs for stored events; the caller wraps it in a transaction. */
export async function writePricingUpdates(
  connection: DuckDBConnection,
  updates: readonly PricingUpdate[],
): Promise<void> {
  await connection.run(
    `CREATE TEMP TABLE IF NOT EXISTS staged_pricing AS SELECT id, ${PRICING_COLUMNS.join(', ')} FROM events LIMIT 0`,
  );
  await connection.run('DELETE FROM staged_pricing');
  const appender = await connection.createAppender('staged_pricing');
  try {
    const getters = new Map(EVENT_COLUMNS);
    for (const update of updates) {
      const event = { pricing: update.pricing, id: update.id };
      appender.appendVarchar(update.id);
      for (const column of PRICING_COLUMNS) {
        const read = getters.get(column);
        if (!read) throw new Error(`no getter for column ${column}`);
        appender.appendValue(read(event as never));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await connection.run(
    `UPDATE events SET ${PRICING_COLUMNS.map((column) => `${column} = p.${column}`).join(', ')}
     FROM staged_pricing p WHERE events.id = p.id`,
  );
  await connection.run('DELETE FROM staged_pricing');
}
