import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import type { EngineSql, ScaleEngine } from './run-scale-stage.ts';
import { DEMO_MONTH, log } from './scale-workload.ts';

/** REPORT_SPEC written by hand in DuckDB SQL: the report's floor. */
export const DUCKDB_FLOOR_SQL = `
  SELECT COALESCE(tag_team, '(unattributed)') AS team,
         COALESCE(tag_feature, '(unattributed)') AS feature,
         strftime(date_trunc('day', ts), '%Y-%m-%d') AS period,
         count(*) AS requests,
         sum(input_tokens), sum(output_tokens), sum(cache_read_tokens),
         sum(cache_write_tokens), sum(reasoning_tokens),
         CAST(sum(cost_total) AS DOUBLE) AS cost, CAST(sum(list_total) AS DOUBLE) AS list_cost
  FROM events GROUP BY ALL ORDER BY period, cost DESC`;

// Ten months per statement: about 10M rows, so the log shows progress every minute or so.
const COPIES_PER_STATEMENT = 10;

/** The embedded store on one DuckDB file. */
export function duckDbScaleEngine(file: string): ScaleEngine {
  return {
    name: 'duckdb',
    openStore: () => DuckDbStore.open(file),
    openSql: () => openDuckDbSql(file),
  };
}

async function openDuckDbSql(file: string): Promise<EngineSql> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const count = async () => {
    const reader = await connection.runAndReadAll('SELECT count(*) AS events FROM events');
    return Number(reader.getRowObjectsJS()[0]?.events);
  };
  return {
    floorReport: async () => (await connection.runAndReadAll(DUCKDB_FLOOR_SQL)).currentRowCount,
    copyMonth: async (from, to) => {
      for (let first = from; first < to; first += COPIES_PER_STATEMENT) {
        const last = Math.min(to, first + COPIES_PER_STATEMENT);
        await connection.run(
          // Every id gets the copy's suffix, so requests, retries and traces stay as distinct
          // as in the month they were copied from (shared ids would join copies together).
          `INSERT INTO events SELECT events.* REPLACE (
             events.id || '-copy' || copy AS id,
             events.request_id || '-copy' || copy AS request_id,
             events.retry_of || '-copy' || copy AS retry_of,
             events.trace_id || '-copy' || copy AS trace_id,
             events.span_id || '-copy' || copy AS span_id,
             events.parent_span_id || '-copy' || copy AS parent_span_id
           ) FROM events, range(${first}, ${last}) copies(copy)
           WHERE ts < make_timestamp(${DEMO_MONTH.end * 1000}) AND id NOT LIKE '%-copy%'`,
        );
        log(`duckdb: months up to ${last} copied`);
      }
    },
    copyWindowToScratch: async ({ from, to }) => {
      await connection.run('CREATE OR REPLACE TABLE scratch AS FROM events LIMIT 0');
      await connection.run('CHECKPOINT');
      const started = performance.now();
      const result = await connection.run(
        `INSERT INTO scratch SELECT * FROM events
         WHERE ts >= make_timestamp(${from * 1000}) AND ts < make_timestamp(${to * 1000})`,
      );
      await connection.run('CHECKPOINT');
      const seconds = (performance.now() - started) / 1000;
      await connection.run('DROP TABLE scratch');
      return { rows: Number(result.rowsChanged), seconds };
    },
    count,
    settle: async () => {
      const started = performance.now();
      await connection.run('CHECKPOINT');
      return { checkpoint_seconds: Math.round(performance.now() - started) / 1000 };
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
      return Promise.resolve();
    },
  };
}
