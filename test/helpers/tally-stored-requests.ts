import { queryClickHouse } from './query-clickhouse.ts';

export interface StoredRequestTally {
  /** Calls whose answer arrived complete (their request ids). */
  completed: number;
  /** Completed calls with exactly one event in the store. */
  stored_once: number;
  /** Completed calls with no event. */
  missing: number;
  /** Completed calls with more than one event (rows not yet folded by a merge). */
  doubled: number;
  /** Events whose request id is no completed call's: calls cut or failed before the end. */
  stored_without_completed_call: number;
}

/**
 * Counts, by request id, the events ClickHouse holds for calls that completed. `where` narrows
 * the events looked at (a test's own team, say); it is SQL written by the caller.
 */
export async function tallyStoredRequests(
  storeUrl: string,
  completedIds: Iterable<string>,
  where = '1',
): Promise<StoredRequestTally> {
  const rows = await queryClickHouse(
    storeUrl,
    `SELECT request_id, count() FROM events WHERE ${where} GROUP BY request_id`,
  );
  const stored = new Map(rows.map(([id, count]) => [id ?? '', Number(count)]));
  const tally: StoredRequestTally = {
    completed: 0,
    stored_once: 0,
    missing: 0,
    doubled: 0,
    stored_without_completed_call: 0,
  };
  const completed = new Set(completedIds);
  for (const id of completed) {
    const count = stored.get(id) ?? 0;
    tally.completed += 1;
    if (count === 0) tally.missing += 1;
    else if (count === 1) tally.stored_once += 1;
    else tally.doubled += 1;
  }
  for (const id of stored.keys()) if (!completed.has(id)) tally.stored_without_completed_call += 1;
  return tally;
}
