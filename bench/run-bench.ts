/**
 * `npm run bench`: the demo load rate and `report --by team,feature --grain day` latency over
 * 1M and 10M events, each next to its floor measured in the same run — the same query written
 * by hand in DuckDB SQL on the same file. Results go to bench/results/ with the machine noted.
 * Targets (issue 2): load ≥ 200k events/s; each report ≤ 1.5× its floor. The load has a floor
 * too: DuckDB copying the same rows inside the engine, which no client-side writer can beat.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runAnomalyBench } from './anomaly-bench.ts';
import { buildPricer } from '../src/cli/build-pricer.ts';
import { configSchema } from '../src/config/index.ts';
import { generateDemoWorkload, planDemoWorkload } from '../src/demo/index.ts';
import type { PricedUsageEvent } from '../src/domain/usage-event.ts';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { runForecastBench } from './forecast-bench.ts';
import type { ReportSpec } from '../src/store/report-spec.ts';
import {
  buildLayersReport,
  buildTraceRow,
  buildYieldRow,
  computeChargeback,
  explainUnitEconomics,
  parseChargebackRequest,
  parseInsightRequest,
  parseTopTracesRequest,
  parseUnitEconomicsRequest,
  spendChangeReport,
} from '../src/analytics/index.ts';

const ROUNDS = 3;
const REPEATS = 5;
const workDirectory = join('bench', 'tmp', `run-${process.pid}`);
const file = join(workDirectory, 'bench.duckdb');
const spec: ReportSpec = {
  dimensions: ['team', 'feature'],
  metric: 'cost',
  grain: 'day',
  filters: [],
};
const FLOOR_SQL = `
  SELECT COALESCE(tag_team, '(unattributed)') AS team,
         COALESCE(tag_feature, '(unattributed)') AS feature,
         strftime(date_trunc('day', ts), '%Y-%m-%d') AS period,
         count(*) AS requests,
         sum(input_tokens), sum(output_tokens), sum(cache_read_tokens),
         sum(cache_write_tokens), sum(reasoning_tokens),
         CAST(sum(cost_total) AS DOUBLE) AS cost, CAST(sum(list_total) AS DOUBLE) AS list_cost
  FROM events GROUP BY ALL ORDER BY period, cost DESC`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function loadDemo(): Promise<Record<string, number>> {
  const store = await DuckDbStore.open(file);
  const pricer = buildPricer(configSchema.parse({}));
  const options = { days: 30, seed: 42, end: Date.UTC(2026, 10, 1) };
  const total = planDemoWorkload(options).totalEvents;
  let generate = 0;
  let price = 0;
  let append = 0;
  const started = performance.now();
  let mark = started;
  for (const batch of generateDemoWorkload(options, 50_000)) {
    const afterGenerate = performance.now();
    generate += afterGenerate - mark;
    for (const event of batch as PricedUsageEvent[]) event.pricing = pricer.price(event);
    const afterPrice = performance.now();
    price += afterPrice - afterGenerate;
    await store.appendNew(batch as PricedUsageEvent[]);
    mark = performance.now();
    append += mark - afterPrice;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return {
    events: total,
    seconds: round(seconds),
    events_per_second: Math.round(total / seconds),
    generate_events_per_second: Math.round(total / (generate / 1000)),
    price_events_per_second: Math.round(total / (price / 1000)),
    append_events_per_second: Math.round(total / (append / 1000)),
  };
}

async function timeReport(): Promise<{
  tokenops_ms: number;
  floor_ms: number;
  ratio: number;
  rows: number;
}> {
  const ours: number[] = [];
  const floor: number[] = [];
  let rows = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const store = await DuckDbStore.open(file);
    for (let repeat = 0; repeat < REPEATS; repeat += 1) {
      const started = performance.now();
      rows = (await store.report(spec)).length;
      ours.push(performance.now() - started);
    }
    await store.close();
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    for (let repeat = 0; repeat < REPEATS; repeat += 1) {
      const started = performance.now();
      (await connection.runAndReadAll(FLOOR_SQL)).getRowObjectsJS();
      floor.push(performance.now() - started);
    }
    connection.closeSync();
    instance.closeSync();
  }
  const tokenopsMs = median(ours);
  const floorMs = median(floor);
  return {
    tokenops_ms: round(tokenopsMs),
    floor_ms: round(floorMs),
    ratio: round(tokenopsMs / floorMs),
    rows,
  };
}

/**
 * The allocation reports of issue 5 over the same file (target: each under 2 s over 10M
 * events), each timed as the median of three runs after one warm-up.
 */
async function timeAllocationReports(): Promise<Record<string, number>> {
  const store = await DuckDbStore.open(file);
  const pricer = buildPricer(configSchema.parse({}));
  const sharedScopes = [{ name: 'embedding pipeline', scope: { feature: 'embedding-pipeline' } }];
  const byFeature = parseInsightRequest({}, 'feature');
  const reports: Record<string, () => Promise<unknown>> = {
    chargeback: () =>
      computeChargeback(
        store,
        parseChargebackRequest({ period: '2026-10', mode: 'chargeback', shared: 'proportional' }),
        sharedScopes,
      ),
    unit_economics: async () => {
      const spec = parseUnitEconomicsRequest({ by: 'feature' });
      return (await store.unitEconomicsTotals(spec)).map((totals) =>
        explainUnitEconomics(spec.dimension, totals),
      );
    },
    layers: async () =>
      buildLayersReport(byFeature, await store.layerGroups(byFeature), {}, pricer),
    yield: async () =>
      (await store.yieldGroups({ ...parseInsightRequest({}, 'team,feature'), objectives: [] })).map(
        buildYieldRow,
      ),
    traces_top: async () =>
      (await store.topTraces(parseTopTracesRequest({ top: '10' }))).map(buildTraceRow),
    explain: () => spendChangeReport(store, { from: '2026-10-12', to: '2026-10-19' }),
  };
  const timings: Record<string, number> = {};
  try {
    for (const [name, run] of Object.entries(reports)) {
      await run();
      const runs: number[] = [];
      for (let repeat = 0; repeat < 3; repeat += 1) {
        const started = performance.now();
        await run();
        runs.push(performance.now() - started);
      }
      timings[`${name}_ms`] = round(median(runs));
      process.stderr.write(`bench: ${name} over 10M ${timings[`${name}_ms`]} ms\n`);
    }
  } finally {
    await store.close();
  }
  return timings;
}

/**
 * The load floor: DuckDB writing the same rows with no JavaScript in the way (INSERT … SELECT
 * from the loaded table into an empty one of the same shape, persisted).
 */
async function timeEngineCopy(): Promise<number> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await connection.run('CREATE TABLE events_copy AS SELECT * FROM events LIMIT 0');
  const started = performance.now();
  const result = await connection.run('INSERT INTO events_copy SELECT * FROM events');
  await connection.run('CHECKPOINT');
  const seconds = (performance.now() - started) / 1000;
  await connection.run('DROP TABLE events_copy');
  connection.closeSync();
  instance.closeSync();
  return Math.round(result.rowsChanged / seconds);
}

/** 10M events: nine more copies of the demo month with fresh ids, made inside DuckDB. */
async function scaleToTenMillion(): Promise<number> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(
    // Every id gets the copy's suffix, so requests, retries and traces stay as distinct as
    // in the month they were copied from (shared ids would join copies to each other).
    `INSERT INTO events SELECT events.* REPLACE (
       events.id || '-copy' || copy AS id,
       events.request_id || '-copy' || copy AS request_id,
       events.retry_of || '-copy' || copy AS retry_of,
       events.trace_id || '-copy' || copy AS trace_id,
       events.span_id || '-copy' || copy AS span_id,
       events.parent_span_id || '-copy' || copy AS parent_span_id
     ) FROM events, range(1, 10) copies(copy)`,
  );
  const reader = await connection.runAndReadAll('SELECT count(*) AS events FROM events');
  const events = Number(reader.getRowObjectsJS()[0]?.events);
  connection.closeSync();
  instance.closeSync();
  process.stderr.write(
    `bench: scaled to ${events} events in ${round((performance.now() - started) / 1000)}s\n`,
  );
  return events;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

rmSync(workDirectory, { recursive: true, force: true });
mkdirSync(workDirectory, { recursive: true });
mkdirSync(join('bench', 'results'), { recursive: true });
try {
  process.stderr.write('bench: loading the demo month (about 1M events)…\n');
  const load = { ...(await loadDemo()), engine_floor_events_per_second: await timeEngineCopy() };
  process.stderr.write(`bench: ${JSON.stringify(load)}\n`);
  const report1m = await timeReport();
  process.stderr.write(`bench: report over 1M ${JSON.stringify(report1m)}\n`);
  const events10m = await scaleToTenMillion();
  const report10m = await timeReport();
  process.stderr.write(`bench: report over 10M ${JSON.stringify(report10m)}\n`);
  const allocation10m = await timeAllocationReports();
  // Issue 7: spike detection on a generated set with spikes injected at known times.
  const anomalies = await runAnomalyBench(42);
  process.stderr.write(`bench: anomalies ${JSON.stringify(anomalies)}\n`);
  process.stderr.write('bench: forecast backtest over 13 weeks of demo…\n');
  const forecastBacktest = await runForecastBench(workDirectory);
  process.stderr.write(`bench: forecast ${JSON.stringify(forecastBacktest)}\n`);
  const result = {
    date: new Date().toISOString(),
    machine: {
      host: hostname(),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory_gib: round(totalmem() / 2 ** 30),
      free_memory_gib: round(freemem() / 2 ** 30),
      node: process.version,
    },
    targets: {
      load_events_per_second: 200_000,
      report_ratio_to_floor: 1.5,
      allocation_report_ms_over_10m: 2_000,
    },
    load,
    report: {
      query: 'report --by team,feature --grain day',
      over_1m: report1m,
      over_10m: { events: events10m, ...report10m },
    },
    allocation_reports_over_10m: allocation10m,
    anomalies,
    forecast_backtest: forecastBacktest,
  };
  const day = result.date.slice(0, 10);
  writeFileSync(join('bench', 'results', `${day}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join('bench', 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
}
