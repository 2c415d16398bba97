import type { DuckDBConnection } from '@duckdb/node-api';
import type { Feedback, FeedbackResult } from '../feedback.ts';
import { textCell } from '../sql/text-cell.ts';

/** Sets outcome and score on the events of each request id; the caller holds the transaction. */
export async function writeFeedback(
  connection: DuckDBConnection,
  feedback: readonly Feedback[],
): Promise<FeedbackResult> {
  await connection.run(
    'CREATE TEMP TABLE IF NOT EXISTS staged_feedback (request_id VARCHAR, outcome VARCHAR, score DOUBLE)',
  );
  await connection.run('DELETE FROM staged_feedback');
  const appender = await connection.createAppender('staged_feedback');
  try {
    for (const item of feedback) {
      appender.appendVarchar(item.requestId);
      if (item.outcome === undefined) appender.appendNull();
      else appender.appendVarchar(item.outcome);
      if (item.score === undefined) appender.appendNull();
      else appender.appendDouble(item.score);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const unknown = await connection.runAndReadAll(
    `SELECT DISTINCT request_id FROM staged_feedback f
     WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.request_id = f.request_id) ORDER BY 1`,
  );
  // The latest feedback for a request wins when a batch repeats it.
  const result = await connection.run(
    `UPDATE events SET outcome = COALESCE(f.outcome, events.outcome), score = COALESCE(f.score, events.score)
     FROM (SELECT * FROM staged_feedback QUALIFY row_number() OVER (PARTITION BY request_id ORDER BY rowid DESC) = 1) f
     WHERE events.request_id = f.request_id`,
  );
  await connection.run('DELETE FROM staged_feedback');
  return {
    updated: result.rowsChanged,
    unknown: unknown.getRowObjectsJS().map((row) => textCell(row.request_id)),
  };
}
