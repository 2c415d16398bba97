import type { DeliveryOutcome } from '../../domain/alert.ts';
import { StoreError } from '../../domain/errors/index.ts';
import { textCell } from '../sql/text-cell.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { nextClickHouseVersion } from './next-clickhouse-version.ts';
import { escapeClickHouseText, quoteClickHouseText } from './render-clickhouse-query.ts';

const DELIVERY_COLUMNS = [
  'alert_key',
  'channel',
  'attempts',
  'next_attempt_at',
  'delivered_at',
  'last_error',
  'abandoned',
  'version',
];

/** A delivery's state, as the latest row of its (alert, channel) holds it. */
export interface DeliveryState {
  alertKey: string;
  channel: string;
  attempts: number;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  lastError: string | null;
  abandoned: boolean;
}

/**
 * Records tries: each (alert, channel) tried gets its next state (one more attempt, delivered,
 * due again, or given up) as a row of a higher version, in one insert. Pairs not stored are
 * ignored, as DuckDB's UPDATE ignores them; several outcomes of one pair apply in order.
 */
export async function updateClickHouseDeliveries(
  connection: ClickHouseConnection,
  outcomes: readonly DeliveryOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const keys = [...new Set(outcomes.map((outcome) => outcome.alertKey))];
  const states = new Map(
    (await readDeliveryStates(connection, keys)).map((state) => [
      pairKey(state.alertKey, state.channel),
      state,
    ]),
  );
  const changed = new Map<string, DeliveryState>();
  for (const outcome of outcomes) {
    const pair = pairKey(outcome.alertKey, outcome.channel);
    const state = states.get(pair);
    if (state === undefined) continue;
    const retryAt = outcome.delivered || outcome.retryAt === undefined ? null : outcome.retryAt;
    const next: DeliveryState = {
      ...state,
      attempts: state.attempts + 1,
      deliveredAt: outcome.delivered ? epochMs(outcome.at) : null,
      nextAttemptAt: retryAt === null ? null : epochMs(retryAt),
      lastError: outcome.delivered ? null : outcome.error,
      abandoned: !outcome.delivered && outcome.retryAt === undefined,
    };
    states.set(pair, next);
    changed.set(pair, next);
  }
  if (changed.size === 0) return;
  await writeDeliveries(
    connection,
    [...changed.values()],
    await nextDeliveryVersion(connection, keys),
  );
}

/** The latest state of every delivery of these alerts, by alert and channel. */
export async function readDeliveryStates(
  connection: ClickHouseConnection,
  keys: readonly string[],
): Promise<DeliveryState[]> {
  // A condition on the sort key's first column alone: every version of a pair passes or none
  // does, so it may filter before FINAL and reads only these alerts' rows.
  const rows = await connection.rows(
    `SELECT alert_key, channel, attempts, next_attempt_at, delivered_at, last_error, abandoned
     FROM alert_deliveries FINAL
     WHERE alert_key IN (${keys.map(quoteClickHouseText).join(', ')})
     ORDER BY alert_key, channel`,
  );
  return rows.map((row) => ({
    alertKey: textCell(row.alert_key),
    channel: textCell(row.channel),
    attempts: Number(row.attempts),
    nextAttemptAt: nullableNumber(row.next_attempt_at),
    deliveredAt: nullableNumber(row.delivered_at),
    lastError: row.last_error === null ? null : textCell(row.last_error),
    abandoned: Number(row.abandoned) === 1,
  }));
}

/** A version above every one stored for these alerts' deliveries. */
export async function nextDeliveryVersion(
  connection: ClickHouseConnection,
  keys: readonly string[],
): Promise<number> {
  const [row] = await connection.rows(
    `SELECT max(version) AS version FROM alert_deliveries
     WHERE alert_key IN (${keys.map(quoteClickHouseText).join(', ')})`,
  );
  return nextClickHouseVersion(Number(row?.version ?? 0));
}

export async function writeDeliveries(
  connection: ClickHouseConnection,
  states: readonly DeliveryState[],
  base: number,
): Promise<void> {
  const cell = (value: number | null) => (value === null ? '\\N' : String(value));
  const text = states
    .map((state, index) =>
      [
        escapeClickHouseText(state.alertKey),
        escapeClickHouseText(state.channel),
        String(state.attempts),
        cell(state.nextAttemptAt),
        cell(state.deliveredAt),
        state.lastError === null ? '\\N' : escapeClickHouseText(state.lastError),
        state.abandoned ? '1' : '0',
        String(base + index),
      ].join('\t'),
    )
    .join('\n');
  await connection.insertTabSeparated('alert_deliveries', DELIVERY_COLUMNS, `${text}\n`);
}

const pairKey = (alertKey: string, channel: string): string => JSON.stringify([alertKey, channel]);

const nullableNumber = (value: unknown): number | null => (value === null ? null : Number(value));

/** Epoch ms as the integer the Int64 columns hold (DuckDB keeps milliseconds too). */
export function epochMs(value: number): number {
  if (!Number.isFinite(value)) {
    throw new StoreError('an alert time is not a number', 'report this as a bug');
  }
  return Math.floor(value);
}
