/**
 * The generated set anomaly detection is measured on: hourly activity of several teams over
 * six weeks, made call by call (Poisson arrivals, log-normal call costs, users drawn from
 * each team's population), with a weekly season, a slow trend, noisy days, company holidays
 * and one team's lasting growth step (none of which is an anomaly), and spikes injected at
 * known times: volume (cost and tokens), price (cost only) and new users (active users).
 */
import { DAY_MS, HOUR_MS, WEEK_MS, seasonalWeight } from '../src/demo/seasonality.ts';
import type { SeasonalityPattern } from '../src/demo/seasonality.ts';
import { SeededRandom } from '../src/demo/seeded-random.ts';
import type { HourlyMetric } from '../src/govern/anomalies/anomaly.ts';
import type { ActivityHour } from '../src/store/activity-spec.ts';
import { poisson } from './poisson.ts';

export interface InjectedAnomaly {
  team: string;
  kind: 'volume' | 'price' | 'users';
  metrics: HourlyMetric[];
  start: number;
  end: number;
  factor: number;
}

export interface AnomalySet {
  rows: ActivityHour[];
  start: number;
  /** The first evaluated hour: four weeks of history come before it. */
  evaluateFrom: number;
  end: number;
  injected: InjectedAnomaly[];
}

interface Team {
  name: string;
  pattern: SeasonalityPattern;
  callsPerHour: number;
  callCost: number;
  users: number;
}

const TEAMS: Team[] = [
  { name: 'support', pattern: 'customer-facing', callsPerHour: 220, callCost: 0.004, users: 900 },
  { name: 'search', pattern: 'customer-facing', callsPerHour: 120, callCost: 0.002, users: 600 },
  { name: 'developers', pattern: 'office-hours', callsPerHour: 90, callCost: 0.03, users: 60 },
  { name: 'analytics', pattern: 'office-hours', callsPerHour: 35, callCost: 0.01, users: 25 },
  { name: 'sales', pattern: 'office-hours', callsPerHour: 25, callCost: 0.006, users: 40 },
  { name: 'documents', pattern: 'nightly-bulk', callsPerHour: 60, callCost: 0.02, users: 8 },
];
const KINDS: { kind: InjectedAnomaly['kind']; metrics: HourlyMetric[] }[] = [
  { kind: 'volume', metrics: ['cost', 'tokens'] },
  { kind: 'price', metrics: ['cost'] },
  { kind: 'users', metrics: ['active_users'] },
];
const WEEKS = 6;
const HISTORY_WEEKS = 4;
const TOKENS_PER_USD = 150_000;

export function generateAnomalySet(seed: number): AnomalySet {
  const random = new SeededRandom(seed, 7);
  // Monday 2 November 2026: the six weeks end on a Monday.
  const start = Date.UTC(2026, 10, 2);
  const end = start + WEEKS * WEEK_MS;
  const evaluateFrom = start + HISTORY_WEEKS * WEEK_MS;
  const days = WEEKS * 7;
  const holidays = new Set([9, 23, 31].map((day) => start + day * DAY_MS));
  const dayNoise = Array.from({ length: days * TEAMS.length }, () => random.logNormal(1, 0.12));
  const injected = [
    ...injectAnomalies(random, start + WEEK_MS, 4, WEEK_MS),
    ...injectAnomalies(random, evaluateFrom, 30, end - evaluateFrom),
  ];
  const rows: ActivityHour[] = [];
  for (let hourStart = start; hourStart < end; hourStart += HOUR_MS) {
    const day = Math.floor((hourStart - start) / DAY_MS);
    const holiday = holidays.has(start + day * DAY_MS) ? 0.3 : 1;
    TEAMS.forEach((team, index) => {
      const trend = 1 + (0.03 * (hourStart - start)) / WEEK_MS;
      // The analytics team grows by 40 % for good in the last week: growth, not a spike.
      const step = team.name === 'analytics' && hourStart >= end - WEEK_MS ? 1.4 : 1;
      const level =
        team.callsPerHour *
        seasonalWeight(team.pattern, hourStart) *
        trend *
        step *
        holiday *
        (dayNoise[day * TEAMS.length + index] ?? 1);
      const active = injected.filter(
        (anomaly) =>
          anomaly.team === team.name && anomaly.start <= hourStart && hourStart < anomaly.end,
      );
      rows.push(simulateHour(random, team, hourStart, level, active));
    });
  }
  return { rows, start, evaluateFrom, end, injected };
}

/** `count` spikes in [from, from + span), at hours when the team is busy enough to matter. */
function injectAnomalies(
  random: SeededRandom,
  from: number,
  count: number,
  span: number,
): InjectedAnomaly[] {
  const injected: InjectedAnomaly[] = [];
  while (injected.length < count) {
    const team = TEAMS[random.below(TEAMS.length)];
    const shape = KINDS[injected.length % KINDS.length];
    if (team === undefined || shape === undefined) continue;
    const start = from + random.below(span / HOUR_MS - 8) * HOUR_MS;
    if (seasonalWeight(team.pattern, start) < 0.4) continue;
    const hours = 1 + random.below(shape.kind === 'price' ? 8 : 5);
    const end = start + hours * HOUR_MS;
    // Two spikes of one team at least a day apart, so each is judged on its own.
    const near = injected.some(
      (other) =>
        other.team === team.name && other.start < end + DAY_MS && start < other.end + DAY_MS,
    );
    if (near) continue;
    const factor = 2 + random.next() * 4;
    injected.push({ team: team.name, ...shape, start, end, factor });
  }
  return injected;
}

function simulateHour(
  random: SeededRandom,
  team: Team,
  hourStart: number,
  level: number,
  active: readonly InjectedAnomaly[],
): ActivityHour {
  let cost = 0;
  let tokens = 0;
  const users = new Set<number>();
  const call = (user: number, costFactor: number, tokenFactor = 1) => {
    // A price factor alone stands for a pricier model: the same tokens cost more.
    const callCost = random.logNormal(team.callCost, 0.9);
    cost += callCost * costFactor;
    tokens += Math.round(callCost * tokenFactor * TOKENS_PER_USD * random.logNormal(1, 0.3));
    users.add(user);
  };
  const calls = poisson(random, level);
  const price = active.find((anomaly) => anomaly.kind === 'price')?.factor ?? 1;
  for (let index = 0; index < calls; index++) call(popularUser(random, team.users), price);
  for (const anomaly of active) {
    // A looping client: the extra calls come from one of the team's existing users.
    if (anomaly.kind === 'volume') {
      const looping = popularUser(random, team.users);
      const extra = poisson(random, level * (anomaly.factor - 1));
      for (let index = 0; index < extra; index++) call(looping, 1);
    }
    // A launch or a sign-up wave: new users trying one short call each (few tokens, little
    // cost), so only active users spike.
    if (anomaly.kind === 'users') {
      const newUsers = Math.round(expectedUsers(team, level) * (anomaly.factor - 1));
      for (let index = 0; index < newUsers; index++) call(team.users + index, 0.05, 0.05);
    }
  }
  return { keys: { team: team.name }, hourStart, calls, cost, tokens, users: users.size };
}

/** Users follow a Zipf-like law: a few heavy users, a long tail. */
function popularUser(random: SeededRandom, population: number): number {
  return Math.floor(population ** random.next()) - 1;
}

function expectedUsers(team: Team, level: number): number {
  return Math.max(1, Math.min(team.users, level * 0.6));
}
