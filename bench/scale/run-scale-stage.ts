import type { Store } from '../../src/store/store.ts';
import {
  DEMO_MONTH,
  REPORT_SPEC,
  chargebackOfMonth,
  loadThroughStore,
  log,
  median,
  round,
  timePair,
  topUpWeek,
  windowOf,
  type LoadFigures,
  type PairTiming,
} from './scale-workload.ts';

/** SQL run straight on an engine: the floors and the copies that build the larger sizes. */
export interface EngineSql {
  /** The report of REPORT_SPEC written by hand; resolves to its row count. */
  floorReport(): Promise<number>;
  /** Adds copies [from, to) of the demo month, each with every id suffixed `-copyN`. */
  copyMonth(from: number, to: number): Promise<void>;
  /**
   * Copies the events of [from, to) into an empty table of the same shape, durably, then drops
   * it; the seconds cover the copy alone.
   */
  copyWindowToScratch(window: {
    from: number;
    to: number;
  }): Promise<{ rows: number; seconds: number }>;
  count(): Promise<number>;
  /** Lets the engine finish work the copies started (a checkpoint, background merges). */
  settle(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface ScaleEngine {
  name: 'duckdb' | 'clickhouse';
  openStore(): Promise<Store>;
  /** Never open while a store is: the embedded file has one owner at a time. */
  openSql(): Promise<EngineSql>;
}

export interface StageResult {
  events: number;
  /** Seconds the engine took to copy the month up to this size (none at the first stage). */
  build_seconds?: number;
  settle?: Record<string, number>;
  load: LoadFigures & { floor_events_per_second: number; ratio_to_floor: number };
  report: PairTiming & { rows: number };
  chargeback_ms: number;
}

/**
 * One size of the scale bench on one engine. Stage 0 loads the demo month through the store;
 * stage k builds `copies` months inside the engine, then loads a fresh week through the store
 * into what is there (the load rate at that size). Each figure sits next to its floor: the
 * engine copying the same rows itself, and the same report written by hand in its SQL.
 */
export async function runScaleStage(
  engine: ScaleEngine,
  stage: number,
  copies: { from: number; to: number },
  timing: { rounds: number; repeats: number },
): Promise<StageResult> {
  const label = `${engine.name} stage ${stage}`;
  let buildSeconds: number | undefined;
  let settle: Record<string, number> | undefined;
  if (copies.to > copies.from) {
    const sql = await engine.openSql();
    try {
      const started = performance.now();
      await sql.copyMonth(copies.from, copies.to);
      buildSeconds = round((performance.now() - started) / 1000);
      settle = await sql.settle();
      log(`${label}: ${copies.to} months copied in ${buildSeconds}s, ${JSON.stringify(settle)}`);
    } finally {
      await sql.close();
    }
  }
  const loaded = stage === 0 ? DEMO_MONTH : topUpWeek(stage);
  const client = await loadThroughStore(await engine.openStore(), loaded);
  const sql = await engine.openSql();
  let floorRate: number;
  let events: number;
  try {
    const copied = await sql.copyWindowToScratch(windowOf(loaded));
    floorRate = Math.round(copied.rows / copied.seconds);
    events = await sql.count();
  } finally {
    await sql.close();
  }
  const load = {
    ...client,
    floor_events_per_second: floorRate,
    ratio_to_floor: round(client.events_per_second / floorRate),
  };
  log(`${label}: ${events} events; load ${JSON.stringify(load)}`);

  let rows = 0;
  const report = await timePair(
    async () => {
      const store = await engine.openStore();
      return {
        run: async () => (rows = (await store.report(REPORT_SPEC)).length),
        close: () => store.close(),
      };
    },
    async () => {
      const floor = await engine.openSql();
      return { run: () => floor.floorReport(), close: () => floor.close() };
    },
    timing,
  );
  log(`${label}: report ${JSON.stringify(report)}`);
  const chargebackMs = await timeChargeback(engine, timing.repeats);
  log(`${label}: monthly chargeback ${chargebackMs} ms`);
  return {
    events,
    ...(buildSeconds === undefined ? {} : { build_seconds: buildSeconds }),
    ...(settle === undefined ? {} : { settle }),
    load,
    report: { ...report, rows },
    chargeback_ms: chargebackMs,
  };
}

async function timeChargeback(engine: ScaleEngine, repeats: number): Promise<number> {
  const store = await engine.openStore();
  try {
    await chargebackOfMonth(store);
    const times: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      const started = performance.now();
      await chargebackOfMonth(store);
      times.push(performance.now() - started);
    }
    return round(median(times));
  } finally {
    await store.close();
  }
}
