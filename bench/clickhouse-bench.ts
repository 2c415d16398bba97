/**
 * `npm run bench:clickhouse [-- --days N]`: the ClickHouse store on the demo workload (30 days,
 * about 1M events by default; --days 300 for about 10M), on a ClickHouse server started for the
 * run (Debian's clickhouse-server, installed when missing). Measures the load rate through
 * `Store.appendNew` (generation and pricing timed apart), `report --by team,feature --grain day`
 * next to the same query hand-written in ClickHouse SQL (the floor), and a monthly chargeback.
 * Targets (issue 10): reports at most 1.5× their floor; a monthly chargeback over 100M events
 * under 10 s. Results go to bench/results/clickhouse-latest.json with the machine noted.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeChargeback, parseChargebackRequest } from '../src/analytics/index.ts';
import { buildPricer } from '../src/cli/build-pricer.ts';
import { configSchema } from '../src/config/index.ts';
import { generateDemoWorkload, planDemoWorkload } from '../src/demo/index.ts';
import type { PricedUsageEvent } from '../src/domain/usage-event.ts';
import { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import type { ReportSpec } from '../src/store/report-spec.ts';
import { startClickHouseServer } from '../test/helpers/clickhouse-server.ts';
import { describeMachine } from './gateway/describe-machine.ts';

const REPEATS = 5;
const days = Number(process.argv[process.argv.indexOf('--days') + 1] ?? 30) || 30;
const workDirectory = join('bench', 'tmp', `clickhouse-${process.pid}`);
const END = Date.UTC(2026, 10, 1);
const spec: ReportSpec = {
  dimensions: ['team', 'feature'],
  metric: 'cost',
  grain: 'day',
  filters: [],
};
// The adapter's columns: times are epoch ms (Int64), the six tags nullable strings.
const FLOOR_SQL = `
  SELECT ifNull(tag_team, '(unattributed)') AS team,
         ifNull(tag_feature, '(unattributed)') AS feature,
         formatDateTime(toDateTime(intDiv(ts, 1000), 'UTC'), '%Y-%m-%d', 'UTC') AS period,
         count() AS requests,
         sum(input_tokens), sum(output_tokens), sum(cache_read_tokens),
         sum(cache_write_tokens), sum(reasoning_tokens),
         toFloat64(sum(cost_total)) AS cost, toFloat64(sum(list_total)) AS list_cost
  FROM events GROUP BY team, feature, period ORDER BY period, cost DESC`;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const round = (value: number) => Math.round(value * 10) / 10;

/** Median of REPEATS runs after one warm-up, in ms. */
async function medianMs(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  mkdirSync(workDirectory, { recursive: true });
  const server = await startClickHouseServer(workDirectory);
  log(`clickhouse-server ${server.version} on ${server.url('bench')}`);
  try {
    const store = await ClickHouseStore.open(server.url('bench'));
    const pricer = buildPricer(configSchema.parse({}));
    const options = { days, seed: 42, end: END };
    const total = planDemoWorkload(options).totalEvents;
    const times = { generate: 0, price: 0, append: 0 };
    const started = performance.now();
    let mark = started;
    for (const batch of generateDemoWorkload(options, 50_000)) {
      const generated = performance.now();
      times.generate += generated - mark;
      for (const event of batch as PricedUsageEvent[]) event.pricing = pricer.price(event);
      const priced = performance.now();
      times.price += priced - generated;
      await store.appendNew(batch as PricedUsageEvent[]);
      mark = performance.now();
      times.append += mark - priced;
    }
    const seconds = (performance.now() - started) / 1000;
    const load = {
      events: total,
      seconds: round(seconds),
      events_per_second: Math.round(total / seconds),
      append_events_per_second: Math.round(total / (times.append / 1000)),
      generate_s: round(times.generate / 1000),
      price_s: round(times.price / 1000),
      append_s: round(times.append / 1000),
    };
    log(`load: ${JSON.stringify(load)}`);

    const floorUrl = server
      .url('bench')
      .replace('clickhouse://', 'http://')
      .replace(/\/bench$/, '/');
    const floor = async () => {
      const response = await fetch(
        `${floorUrl}?database=bench&query=${encodeURIComponent(`${FLOOR_SQL} FORMAT JSONCompact`)}`,
      );
      if (!response.ok) throw new Error(`floor query: ${await response.text()}`);
      return response.json();
    };
    const rows = (await store.report(spec)).length;
    const tokenopsMs = await medianMs(() => store.report(spec));
    const floorMs = await medianMs(floor);
    const report = {
      spec: 'report --by team,feature --grain day',
      rows,
      tokenops_ms: round(tokenopsMs),
      floor_ms: round(floorMs),
      ratio: Math.round((tokenopsMs / floorMs) * 100) / 100,
    };
    log(`report: ${JSON.stringify(report)}`);
    const month = new Date(END - 86_400_000).toISOString().slice(0, 7);
    const chargebackMs = await medianMs(() =>
      computeChargeback(
        store,
        parseChargebackRequest({ period: month, mode: 'chargeback', shared: 'proportional' }),
        [{ name: 'embedding pipeline', scope: { feature: 'embedding-pipeline' } }],
      ),
    );
    log(`chargeback ${month}: ${round(chargebackMs)} ms`);
    await store.close();
    const result = {
      date: new Date().toISOString(),
      machine: describeMachine(),
      clickhouse: server.version,
      demo: { days, seed: 42, events: total },
      load,
      report,
      chargeback: { period: month, ms: round(chargebackMs) },
      targets: { report_ratio_to_floor: 1.5, chargeback_100m_events_ms: 10_000 },
    };
    mkdirSync(join('bench', 'results'), { recursive: true });
    writeFileSync(
      join('bench', 'results', 'clickhouse-latest.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
  } finally {
    await server.stop();
    rmSync(workDirectory, { recursive: true, force: true });
  }
}

// The server helper polls on unref'd timers (fine inside the test runner): hold the process
// open until the run is over.
const keepAlive = setInterval(() => undefined, 1_000);
try {
  await main();
} finally {
  clearInterval(keepAlive);
}
