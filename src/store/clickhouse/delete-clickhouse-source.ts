import { setTimeout as sleep } from 'node:timers/promises';
import type { EventSource } from '../../domain/usage-event.ts';
import { StoreError } from '../../domain/errors/index.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { quoteClickHouseText } from './render-clickhouse-query.ts';

const POLL_MS = 50;
const WAIT_MS = 60_000;

/**
 * Deletes the events one door wrote. ClickHouse deletes through a mutation that rewrites
 * parts in the background, and 18.16 cannot wait for it (no mutations_sync): the count is
 * taken first, then the mutation is polled until done, so the call returns once it holds.
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
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    const [pending] = await connection.rows(
      `SELECT count() AS mutations FROM system.mutations
       WHERE database = currentDatabase() AND table = 'events' AND is_done = 0`,
    );
    if (Number(pending?.mutations ?? 0) === 0) return events;
    await sleep(POLL_MS);
  }
  throw new StoreError(
    `ClickHouse did not finish deleting the ${source} events within ${WAIT_MS / 1000} s`,
    'the deletion goes on in the background; check system.mutations and run the command again',
  );
}
