import type { Feedback, FeedbackResult } from '../feedback.ts';
import { textCell } from '../sql/text-cell.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { quoteClickHouseText } from './render-clickhouse-query.ts';
import { waitForClickHouseMutations } from './wait-for-clickhouse-mutations.ts';

/**
 * Sets outcome and score on the stored events of each request id with one `ALTER TABLE …
 * UPDATE` (waited for, as re-pricing is): the last feedback of a request in the batch wins,
 * and a field the feedback leaves out keeps the event's own value, as on DuckDB.
 */
export async function recordClickHouseFeedback(
  connection: ClickHouseConnection,
  feedback: readonly Feedback[],
): Promise<FeedbackResult> {
  const latest = [...new Map(feedback.map((item) => [item.requestId, item])).values()];
  if (latest.length === 0) return { updated: 0, unknown: [] };
  const counts = await connection.rows(
    `SELECT request_id, count() AS events FROM events
     WHERE request_id IN (${latest.map((item) => quoteClickHouseText(item.requestId)).join(', ')})
     GROUP BY request_id`,
  );
  const stored = new Map(counts.map((row) => [textCell(row.request_id), Number(row.events)]));
  const known = latest.filter((item) => stored.has(item.requestId));
  const unknown = latest
    .map((item) => item.requestId)
    .filter((id) => !stored.has(id))
    .sort();
  const assignments = [
    assignment(known, 'outcome', (item) => item.outcome, quoteClickHouseText, 'String'),
    assignment(known, 'score', (item) => item.score, String, 'Float64'),
  ].filter((part) => part !== undefined);
  if (assignments.length > 0) {
    const ids = known.map((item) => quoteClickHouseText(item.requestId)).join(', ');
    await connection.command(
      `ALTER TABLE events UPDATE ${assignments.join(', ')} WHERE request_id IN (${ids})`,
    );
    await waitForClickHouseMutations(connection, `recording feedback on ${known.length} requests`);
  }
  const updated = known.reduce((sum, item) => sum + (stored.get(item.requestId) ?? 0), 0);
  return { updated, unknown };
}

/** `column = …`: the feedback's value for requests that carry one, the event's own otherwise. */
function assignment<T extends string | number>(
  known: readonly Feedback[],
  column: string,
  value: (item: Feedback) => T | undefined,
  literal: (value: T) => string,
  type: string,
): string | undefined {
  const given = known.flatMap((item) => {
    const field = value(item);
    return field === undefined ? [] : [{ id: quoteClickHouseText(item.requestId), field }];
  });
  if (given.length === 0) return undefined;
  const ids = given.map((item) => item.id).join(', ');
  const values = given.map((item) => literal(item.field)).join(', ');
  const position = `indexOf([${ids}], request_id)`;
  // 18.16 types a plain if() of String and Nullable(String) badly; the cast pins it.
  return `${column} = if(${position} > 0, CAST(arrayElement(CAST([${values}] AS Array(${type})), ${position}) AS Nullable(${type})), ${column})`;
}
