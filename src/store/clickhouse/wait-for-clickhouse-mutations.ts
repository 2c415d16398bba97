import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from '../../domain/errors/index.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

const POLL_MS = 50;
const WAIT_MS = 60_000;

/**
 * Returns once no mutation of the events table is pending. ClickHouse applies `ALTER … DELETE`
 * and `ALTER … UPDATE` in the background, part by part, and 18.16 cannot wait for them
 * (no mutations_sync), so the store polls system.mutations before it answers.
 */
export async function waitForClickHouseMutations(
  connection: ClickHouseConnection,
  /** What the mutations do, for the error: "deleting the demo events". */
  work: string,
): Promise<void> {
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    const [pending] = await connection.rows(
      `SELECT count() AS mutations FROM system.mutations
       WHERE database = currentDatabase() AND table = 'events' AND is_done = 0`,
    );
    if (Number(pending?.mutations ?? 0) === 0) return;
    await sleep(POLL_MS);
  }
  throw new StoreError(
    `ClickHouse did not finish ${work} within ${WAIT_MS / 1000} s`,
    'the change goes on in the background; check system.mutations and run the command again',
  );
}
