import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { ClassCosts } from '../../domain/money.ts';
import type { PricingUpdate } from '../store.ts';
import { COST_PARTS, EVENT_COLUMN_NAMES } from './append-event-row.ts';

const COST_COLUMNS = EVENT_COLUMN_NAMES.filter((name) => /^(cost|list)_/.test(name));
const PRICING_COLUMNS = ['context_tier', 'price_version', 'priced', 'flags', ...COST_COLUMNS];

function appendCost(
  appender: DuckDBAppender,
  costs: ClassCosts | null,
  part: keyof ClassCosts,
): void {
  const value = costs?.[part];
  if (value === undefined) appender.appendNull();
  else appender.appendDouble(value);
}

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
    for (const { id, pricing } of updates) {
      appender.appendVarchar(id);
      appender.appendVarchar(pricing.contextTier);
      appender.appendVarchar(pricing.priceVersion);
      appender.appendBoolean(pricing.effective !== null);
      if (pricing.flags.length > 0) appender.appendVarchar(pricing.flags.join(','));
      else appender.appendNull();
      for (const part of COST_PARTS) {
        appendCost(appender, pricing.effective, part);
        appendCost(appender, pricing.list, part);
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
