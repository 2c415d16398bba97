import { StoreError } from '../../domain/errors/index.ts';
import { toColumnBatch } from '../column-batch.ts';
import { PRICING_COLUMNS } from '../event-columns.ts';
import type { PricingUpdate } from '../store.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { tabSeparatedCell } from './event-batch-tsv.ts';
import { quoteClickHouseText } from './render-clickhouse-query.ts';
import { waitForClickHouseMutations } from './wait-for-clickhouse-mutations.ts';

/** Updates per mutation: each one's query holds its values (about 300 bytes an update). */
const UPDATES_PER_MUTATION = 20_000;

/**
 * Rewrites the pricing columns of stored events in place with `ALTER TABLE … UPDATE`, then
 * waits until ClickHouse has applied it (docs/clickhouse.md, "Re-pricing"). A mutation is
 * written to disk before it runs and survives a restart; it is not one transaction across
 * parts, and a batch over UPDATES_PER_MUTATION is several mutations, so a failure part-way
 * leaves some events re-priced: running the re-pricing again finishes the rest.
 */
export async function updateClickHousePricing(
  connection: ClickHouseConnection,
  updates: readonly PricingUpdate[],
): Promise<void> {
  // The last update of an id wins.
  const latest = [...new Map(updates.map((update) => [update.id, update])).values()];
  if (latest.length === 0) return;
  const types = await pricingColumnTypes(connection);
  for (let start = 0; start < latest.length; start += UPDATES_PER_MUTATION) {
    const chunk = latest.slice(start, start + UPDATES_PER_MUTATION);
    await connection.command(pricingMutation(chunk, types));
  }
  await waitForClickHouseMutations(connection, `re-pricing ${latest.length} events`);
}

/**
 * One mutation: each column's new values as a constant array (cast once, from text, so
 * decimals stay exact) indexed by the row's position in the id list, which `transform` finds
 * through a hash table rather than a scan per row.
 */
function pricingMutation(updates: readonly PricingUpdate[], types: Map<string, string>): string {
  const columns = toColumnBatch(PRICING_COLUMNS, updates).columns.map(tabSeparatedCell);
  const idList = updates.map((update) => quoteClickHouseText(update.id)).join(',');
  const positions = updates.map((_, row) => row + 1).join(',');
  const position = `transform(id, [${idList}], [${positions}], 0)`;
  const assignments = PRICING_COLUMNS.map(({ name }, index) => {
    const cell = columns[index];
    const type = types.get(name);
    if (!cell || !type) {
      throw new StoreError(
        `the ClickHouse events table has no column ${name}`,
        'run `tokenops migrate` against this database',
      );
    }
    const texts = updates.map((_, row) => cell(row));
    return `${name} = CAST(${valueAt(texts, type, position)} AS ${type})`;
  });
  return `ALTER TABLE events UPDATE ${assignments.join(', ')} WHERE id IN (${idList})`;
}

/**
 * The value at `position` of a column's TabSeparated texts. 18.16 parses the text under a
 * NULL too when it casts `Nullable(String)` (an empty text: "Attempt to read after eof"), so
 * NULLs go as '0' in the values and as a separate mask.
 */
function valueAt(texts: readonly string[], type: string, position: string): string {
  const base = /^Nullable\((.*)\)$/.exec(type)?.[1] ?? type;
  const isNull = (text: string): boolean => text === '\\N';
  const values = texts.map((text) => (isNull(text) ? "'0'" : `'${text}'`)).join(',');
  const value = `arrayElement(CAST([${values}] AS Array(${base})), ${position})`;
  if (!texts.some(isNull)) return value;
  const mask = texts.map((text) => (isNull(text) ? 1 : 0)).join(',');
  return `if(arrayElement([${mask}], ${position}) = 1, NULL, ${value})`;
}

/** The stored type of each pricing column, read from the table so the casts follow its schema. */
async function pricingColumnTypes(connection: ClickHouseConnection): Promise<Map<string, string>> {
  const rows = await connection.rows(
    `SELECT name, type FROM system.columns
     WHERE database = currentDatabase() AND table = 'events'`,
  );
  return new Map(rows.map((row) => [String(row.name), String(row.type)]));
}
