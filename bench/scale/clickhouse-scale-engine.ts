import { ClickHouseStore } from '../../src/store/clickhouse/clickhouse-store.ts';
import { CLICKHOUSE_EVENT_COLUMNS } from '../../src/store/clickhouse/event-batch-tsv.ts';
import type { EngineSql, ScaleEngine } from './run-scale-stage.ts';
import { DEMO_MONTH, log } from './scale-workload.ts';

/** REPORT_SPEC written by hand in ClickHouse SQL (times are epoch-ms Int64): the floor. */
export const CLICKHOUSE_FLOOR_SQL = `
  SELECT ifNull(tag_team, '(unattributed)') AS team,
         ifNull(tag_feature, '(unattributed)') AS feature,
         formatDateTime(toDateTime(intDiv(ts, 1000), 'UTC'), '%Y-%m-%d', 'UTC') AS period,
         count() AS requests,
         sum(input_tokens), sum(output_tokens), sum(cache_read_tokens),
         sum(cache_write_tokens), sum(reasoning_tokens),
         toFloat64(sum(cost_total)) AS cost, toFloat64(sum(list_total)) AS list_cost
  FROM events GROUP BY team, feature, period ORDER BY period, cost DESC`;

const ID_COLUMNS = new Set([
  'id',
  'request_id',
  'retry_of',
  'trace_id',
  'span_id',
  'parent_span_id',
]);
const COPIES_PER_STATEMENT = 10;
// Squash the copies into parts of about 4M rows: the default (~1M) leaves the background
// merges a hundred parts per month to fold, and inserts are slowed past 150 of them.
const COPY_SETTINGS = {
  min_insert_block_size_rows: '4000000',
  min_insert_block_size_bytes: '1000000000',
};
const SETTLE_WITHIN_MS = 10 * 60_000;

/** The ClickHouse store on a server's database, reached through its HTTP interface. */
export function clickHouseScaleEngine(storeUrl: string): ScaleEngine {
  const match = /^clickhouse:\/\/([^/]+)\/(\w+)$/.exec(storeUrl);
  if (!match) throw new Error(`not a clickhouse://HOST:PORT/DB URL: ${storeUrl}`);
  const origin = `http://${match[1]}/`;
  const database = match[2]!;
  const query = async (sql: string, settings: Record<string, string> = {}): Promise<string> => {
    const parameters = new URLSearchParams({ database, ...settings });
    const response = await fetch(`${origin}?${parameters.toString()}`, {
      method: 'POST',
      body: sql,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`ClickHouse: ${text.slice(0, 500)}`);
    return text;
  };
  const number = async (sql: string) => Number((await query(sql)).trim());
  const sql: EngineSql = {
    floorReport: async () =>
      (JSON.parse(await query(`${CLICKHOUSE_FLOOR_SQL} FORMAT JSONCompact`)) as { rows: number })
        .rows,
    copyMonth: async (from, to) => {
      const expressions = CLICKHOUSE_EVENT_COLUMNS.map((name) =>
        ID_COLUMNS.has(name) ? `concat(${name}, '-copy', toString(copy)) AS ${name}` : name,
      );
      const copy = async (first: number, last: number) => {
        // 18.16's range() takes only a length.
        await query(
          `INSERT INTO events (${CLICKHOUSE_EVENT_COLUMNS.join(', ')})
           SELECT ${expressions.join(', ')}
           FROM (SELECT *, arrayJoin(arrayMap(n -> n + ${first}, range(${last - first}))) AS copy
                 FROM events WHERE ts < ${DEMO_MONTH.end} AND NOT like(id, '%-copy%'))`,
          COPY_SETTINGS,
        );
        log(`clickhouse: months ${first} to ${last - 1} copied`);
      };
      const groups: { first: number; last: number }[] = [];
      for (let first = from; first < to; first += COPIES_PER_STATEMENT) {
        groups.push({ first, last: Math.min(to, first + COPIES_PER_STATEMENT) });
      }
      // An insert runs on one thread in 18.16: two at a time keep both cores writing.
      const next = async (): Promise<void> => {
        const group = groups.shift();
        if (!group) return;
        await copy(group.first, group.last);
        await next();
      };
      await Promise.all([next(), next()]);
    },
    copyWindowToScratch: async ({ from, to }) => {
      await query('DROP TABLE IF EXISTS scratch');
      await query('CREATE TABLE scratch AS events');
      const started = performance.now();
      await query(`INSERT INTO scratch SELECT * FROM events WHERE ts >= ${from} AND ts < ${to}`);
      const seconds = (performance.now() - started) / 1000;
      const rows = await number('SELECT count() FROM scratch');
      await query('DROP TABLE scratch');
      return { rows, seconds };
    },
    count: () => number('SELECT count() FROM events'),
    settle: async () => {
      // Background merges of the copies compete with every query timed next: wait them out.
      const started = performance.now();
      while (performance.now() - started < SETTLE_WITHIN_MS) {
        if ((await number("SELECT count() FROM system.merges WHERE table = 'events'")) === 0) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      return {
        merges_waited_seconds: Math.round(performance.now() - started) / 1000,
        merges_running: await number("SELECT count() FROM system.merges WHERE table = 'events'"),
        active_parts: await number(
          `SELECT count() FROM system.parts
           WHERE database = '${database}' AND table = 'events' AND active`,
        ),
      };
    },
    close: () => Promise.resolve(),
  };
  return {
    name: 'clickhouse',
    openStore: () => ClickHouseStore.open(storeUrl),
    openSql: () => Promise.resolve(sql),
  };
}
