import { computeChargeback, parseChargebackRequest } from '../../src/analytics/index.ts';
import { buildPricerSpec } from '../../src/cli/build-pricer.ts';
import { configSchema } from '../../src/config/index.ts';
import { loadDemoWorkload, type DemoOptions } from '../../src/demo/index.ts';
import type { ReportSpec } from '../../src/store/report-spec.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * The demo month every scale stage starts from: all of October 2026, about 1M events. The
 * larger sizes are copies of it made inside the engine, so a monthly chargeback of October
 * covers every copy.
 */
export const DEMO_MONTH: DemoOptions = { days: 31, seed: 42, end: Date.UTC(2026, 10, 1) };
export const CHARGEBACK_PERIOD = '2026-10';

/**
 * The week of fresh demo events loaded through the client path into a store that already
 * holds a stage's events (its own seed, so its ids never meet the month's): the load rate
 * at that size. Weeks follow each other in November, outside the charged month.
 */
export function topUpWeek(stage: number): DemoOptions {
  return { days: 7, seed: 1000 + stage, end: Date.UTC(2026, 10, 8 + 7 * stage) };
}

/** [start, end) in epoch ms of a workload's window. */
export function windowOf(options: DemoOptions): { from: number; to: number } {
  return { from: options.end - options.days * 86_400_000, to: options.end };
}

export const REPORT_SPEC: ReportSpec = {
  dimensions: ['team', 'feature'],
  metric: 'cost',
  grain: 'day',
  filters: [],
};

export interface LoadFigures {
  events: number;
  seconds: number;
  events_per_second: number;
  /** The writing thread's own rate: the time it spent in the store's appends alone. */
  append_events_per_second: number;
  /** Time the writing thread waited for the generator thread (generation, pricing, layout). */
  generator_wait_seconds: number;
}

/**
 * Loads a demo workload as `tokenops demo` does (loadDemoWorkload: generated, priced and laid
 * out on a worker thread, appended in row-group batches) and closes the store, so the time
 * includes making the rows durable (DuckDB's checkpoint on close).
 */
export async function loadThroughStore(store: Store, options: DemoOptions): Promise<LoadFigures> {
  const pricer = buildPricerSpec(configSchema.parse({}));
  const started = performance.now();
  const load = await loadDemoWorkload(store, options, pricer);
  const closing = performance.now();
  await store.close();
  const appendMs = load.appendMs + performance.now() - closing;
  const seconds = (performance.now() - started) / 1000;
  return {
    events: load.events,
    seconds: round(seconds),
    events_per_second: Math.round(load.events / seconds),
    append_events_per_second: Math.round(load.events / (appendMs / 1000)),
    generator_wait_seconds: round(load.waitMs / 1000),
  };
}

export interface TimedSession {
  /** One run of the timed work. */
  run(): Promise<unknown>;
  close(): Promise<void>;
}

export interface PairTiming {
  tokenops_ms: number;
  floor_ms: number;
  ratio: number;
}

/**
 * Medians of tokenops and its floor, each opened afresh in every round and run `repeats`
 * times per round after one warm-up, the two alternating so a noisy spell of a shared
 * machine falls on both.
 */
export async function timePair(
  openOurs: () => Promise<TimedSession>,
  openFloor: () => Promise<TimedSession>,
  { rounds, repeats }: { rounds: number; repeats: number },
): Promise<PairTiming> {
  const ours: number[] = [];
  const floor: number[] = [];
  for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
    ours.push(...(await timeSession(openOurs, repeats)));
    floor.push(...(await timeSession(openFloor, repeats)));
  }
  const tokenopsMs = median(ours);
  const floorMs = median(floor);
  return {
    tokenops_ms: round(tokenopsMs),
    floor_ms: round(floorMs),
    ratio: round(tokenopsMs / floorMs),
  };
}

async function timeSession(open: () => Promise<TimedSession>, repeats: number): Promise<number[]> {
  const session = await open();
  try {
    await session.run();
    const times: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      const started = performance.now();
      await session.run();
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await session.close();
  }
}

/** The monthly chargeback statement of the demo month, shared costs spread proportionally. */
export function chargebackOfMonth(store: Store): Promise<unknown> {
  return computeChargeback(
    store,
    parseChargebackRequest({
      period: CHARGEBACK_PERIOD,
      mode: 'chargeback',
      shared: 'proportional',
    }),
    [{ name: 'embedding pipeline', scope: { feature: 'embedding-pipeline' } }],
  );
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export const log = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};
