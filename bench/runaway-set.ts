/**
 * The generated set runaway detection is measured on: per-minute activity of gateway virtual
 * keys (Poisson calls with a daily season) and of agent traces (a few to a few dozen steps
 * seconds apart, context growing per step) over eight days, with runaways injected on the
 * last day: keys whose call rate jumps 5–20× for 10–90 minutes (a retry loop), and traces
 * that keep stepping every 1–4 seconds for 20–120 minutes (an agent that never finishes).
 */
import { DAY_MS, HOUR_MS, seasonalWeight } from '../src/demo/seasonality.ts';
import type { SeasonalityPattern } from '../src/demo/seasonality.ts';
import { SeededRandom } from '../src/demo/seeded-random.ts';
import type { ActivityMinute, RunawayEntity } from '../src/store/activity-spec.ts';
import { poisson } from './poisson.ts';

export interface InjectedRunaway {
  entity: RunawayEntity;
  name: string;
  start: number;
  end: number;
}

export interface RunawaySet {
  keys: ActivityMinute[];
  traces: ActivityMinute[];
  evaluateFrom: number;
  end: number;
  injected: InjectedRunaway[];
}

const MINUTE_MS = 60_000;
const DAYS = 8;
const FEATURES = ['coding-agent', 'research-agent', 'support-agent', 'report-writer'];
const PATTERNS: SeasonalityPattern[] = ['office-hours', 'customer-facing'];

export function generateRunawaySet(seed: number): RunawaySet {
  const random = new SeededRandom(seed, 11);
  const start = Date.UTC(2026, 10, 23);
  const end = start + DAYS * DAY_MS;
  const evaluateFrom = end - DAY_MS;
  const injected: InjectedRunaway[] = [];
  const keys: ActivityMinute[] = [];
  for (let key = 0; key < 10; key++) {
    const name = `key-${key}`;
    const pattern = PATTERNS[key % PATTERNS.length] ?? 'office-hours';
    const perMinute = 0.2 * 40 ** random.next(); // 0.2 to 8 calls a minute
    const tokensPerCall = 500 * 10 ** random.next();
    const loop = key < 6 ? runawayWindow(random, pattern, evaluateFrom, 10, 90) : undefined;
    if (loop) injected.push({ entity: 'virtual_key', name, ...loop.window });
    for (let minute = start; minute < end; minute += MINUTE_MS) {
      const inLoop = loop && minute >= loop.window.start && minute < loop.window.end;
      const mean = perMinute * seasonalWeight(pattern, minute) * (inLoop ? loop.factor : 1);
      const calls = poisson(random, mean);
      if (calls === 0) continue;
      const tokens = Math.round(calls * random.logNormal(tokensPerCall, 0.6 / Math.sqrt(calls)));
      keys.push({ entity: name, feature: null, minuteStart: minute, calls, tokens });
    }
  }
  const traces: ActivityMinute[] = [];
  let id = 0;
  for (let hour = start; hour < end; hour += HOUR_MS) {
    const count = poisson(random, 30 * seasonalWeight('office-hours', hour));
    for (let trace = 0; trace < count; trace++) {
      const feature = FEATURES[random.below(FEATURES.length)] ?? 'coding-agent';
      const steps = Math.max(1, Math.round(random.logNormal(8, 0.7)));
      const at = hour + random.below(HOUR_MS);
      traces.push(...traceMinutes(random, `trace-${id++}`, feature, at, steps, 6_000, 3_000));
    }
  }
  for (let runaway = 0; runaway < 6; runaway++) {
    const feature = FEATURES[runaway % FEATURES.length] ?? 'coding-agent';
    const loop = runawayWindow(random, 'office-hours', evaluateFrom, 20, 120);
    if (!loop) continue;
    const name = `runaway-${runaway}`;
    const interval = 1_000 + random.below(3_000);
    const steps = Math.floor((loop.window.end - loop.window.start) / interval);
    traces.push(...traceMinutes(random, name, feature, loop.window.start, steps, interval, 20_000));
    injected.push({ entity: 'trace', name, ...loop.window });
  }
  return { keys, traces, evaluateFrom, end, injected };
}

/** A loop of 10 to 90 minutes (or as asked) at a busy hour of the evaluated day. */
function runawayWindow(
  random: SeededRandom,
  pattern: SeasonalityPattern,
  dayStart: number,
  shortest: number,
  longest: number,
): { window: { start: number; end: number }; factor: number } | undefined {
  for (let attempt = 0; attempt < 100; attempt++) {
    const start = dayStart + random.below((DAY_MS - 3 * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    if (seasonalWeight(pattern, start) < 0.4) continue;
    const minutes = shortest + random.below(longest - shortest + 1);
    return { window: { start, end: start + minutes * MINUTE_MS }, factor: 5 + random.next() * 15 };
  }
  return undefined;
}

/** A trace's steps summed per minute: each step re-reads a context that grows. */
function traceMinutes(
  random: SeededRandom,
  name: string,
  feature: string,
  start: number,
  steps: number,
  interval: number,
  firstTokens: number,
): ActivityMinute[] {
  const minutes = new Map<number, ActivityMinute>();
  let at = start;
  let context = firstTokens * random.logNormal(1, 0.5);
  for (let step = 0; step < steps; step++) {
    const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    const row = minutes.get(minute) ?? {
      entity: name,
      feature,
      minuteStart: minute,
      calls: 0,
      tokens: 0,
    };
    row.calls += 1;
    row.tokens += Math.round(context);
    minutes.set(minute, row);
    context += 400 * random.logNormal(1, 0.5);
    at += random.logNormal(interval, 0.5);
  }
  return [...minutes.values()];
}
