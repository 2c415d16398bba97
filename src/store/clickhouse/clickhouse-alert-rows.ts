import type {
  Alert,
  AlertDelivery,
  AlertKind,
  AlertSeverity,
  DeliveryOutcome,
  DueDelivery,
  StoredAlert,
} from '../../domain/alert.ts';
import { StoreError } from '../../domain/errors/index.ts';
import type { AlertListSpec } from '../alert-list-spec.ts';
import type { ClickHouseConnection, ClickHouseRow } from './clickhouse-connection.ts';
import { nextClickHouseVersion } from './next-clickhouse-version.ts';
import { textCell } from '../sql/text-cell.ts';
import { escapeClickHouseText, quoteClickHouseText } from './render-clickhouse-query.ts';

const ALERT_COLUMNS = [
  'key',
  'kind',
  'severity',
  'created_at',
  'title',
  'text',
  'scope',
  'link',
  'data',
];
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
const ALERT_SELECT = ALERT_COLUMNS.join(', ');

/** A delivery's state, as the latest row of its (alert, channel) holds it. */
interface DeliveryState {
  alertKey: string;
  channel: string;
  attempts: number;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  lastError: string | null;
  abandoned: boolean;
}

/**
 * Inserts the alerts whose key is not stored yet (the first of a batch's repeats), each with a
 * pending delivery per channel due `now`. Deliveries are written before their alert: a failure
 * in between leaves deliveries that nothing hands out (they join no alert) until the alert is
 * recorded again, never an alert that is never delivered.
 */
export async function insertClickHouseAlerts(
  connection: ClickHouseConnection,
  alerts: readonly Alert[],
  channels: readonly string[],
  now: number,
): Promise<string[]> {
  if (alerts.length === 0) return [];
  const keys = [...new Set(alerts.map((alert) => alert.key))];
  const stored = await connection.rows(
    `SELECT DISTINCT key FROM alerts WHERE key IN (${keys.map(quoteClickHouseText).join(', ')})`,
  );
  const seen = new Set(stored.map((row) => textCell(row.key)));
  const fresh: Alert[] = [];
  for (const alert of alerts) {
    if (seen.has(alert.key)) continue;
    seen.add(alert.key);
    fresh.push(alert);
  }
  if (fresh.length === 0) return [];
  if (channels.length > 0) {
    const base = await nextDeliveryVersion(
      connection,
      fresh.map((alert) => alert.key),
    );
    const rows = fresh.flatMap((alert) =>
      channels.map((channel) => ({
        alertKey: alert.key,
        channel,
        attempts: 0,
        nextAttemptAt: epochMs(now),
        deliveredAt: null,
        lastError: null,
        abandoned: false,
      })),
    );
    await writeDeliveries(connection, rows, base);
  }
  const text = fresh
    .map((alert) =>
      [
        escapeClickHouseText(alert.key),
        escapeClickHouseText(alert.kind),
        escapeClickHouseText(alert.severity),
        String(epochMs(alert.createdAt)),
        escapeClickHouseText(alert.title),
        escapeClickHouseText(alert.text),
        escapeClickHouseText(JSON.stringify(alert.scope)),
        alert.link === undefined ? '\\N' : escapeClickHouseText(alert.link),
        escapeClickHouseText(JSON.stringify(alert.data)),
      ].join('\t'),
    )
    .join('\n');
  await connection.insertTabSeparated('alerts', ALERT_COLUMNS, `${text}\n`);
  return fresh.map((alert) => alert.key);
}

/** Alerts newest first, each with its deliveries by channel. */
export async function selectClickHouseAlerts(
  connection: ClickHouseConnection,
  spec: AlertListSpec,
): Promise<StoredAlert[]> {
  const conditions = [
    ...(spec.from === undefined ? [] : [`created_at >= ${epochMs(spec.from)}`]),
    ...(spec.to === undefined ? [] : [`created_at < ${epochMs(spec.to)}`]),
    ...(spec.kind === undefined ? [] : [`kind = ${quoteClickHouseText(spec.kind)}`]),
  ];
  // Filtered outside the FINAL read: a condition on columns outside the sort key must see each
  // key's latest row only (ClickHouse never pushes a predicate into a FINAL subquery).
  const rows = await connection.rows(
    `SELECT ${ALERT_SELECT} FROM (SELECT ${ALERT_SELECT} FROM alerts FINAL)
     ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY created_at DESC, key LIMIT ${limitOf(spec.limit)}`,
  );
  const alerts = rows.map(readAlert);
  if (alerts.length === 0) return [];
  const byAlert = new Map<string, AlertDelivery[]>();
  for (const state of await readDeliveryStates(
    connection,
    alerts.map((alert) => alert.key),
  )) {
    const list = byAlert.get(state.alertKey) ?? [];
    list.push({
      channel: state.channel,
      attempts: state.attempts,
      ...(state.nextAttemptAt === null ? {} : { nextAttemptAt: state.nextAttemptAt }),
      ...(state.deliveredAt === null ? {} : { deliveredAt: state.deliveredAt }),
      ...(state.lastError === null ? {} : { lastError: state.lastError }),
      abandoned: state.abandoned,
    });
    byAlert.set(state.alertKey, list);
  }
  return alerts.map((alert) => ({ ...alert, deliveries: byAlert.get(alert.key) ?? [] }));
}

/** Deliveries neither delivered nor given up whose next try is due by `now`, oldest first. */
export async function selectClickHouseDueDeliveries(
  connection: ClickHouseConnection,
  now: number,
  limit: number,
): Promise<DueDelivery[]> {
  // The state columns are outside the sort key: filter the latest row of each pair (FINAL in
  // a subquery, which ClickHouse does not push the WHERE into), never an older one.
  const due = await connection.rows(
    `SELECT alert_key, channel, attempts FROM (
       SELECT alert_key, channel, attempts, next_attempt_at, delivered_at, abandoned
       FROM alert_deliveries FINAL
     )
     WHERE delivered_at IS NULL AND abandoned = 0 AND next_attempt_at <= ${epochMs(now)}
     ORDER BY next_attempt_at, alert_key, channel LIMIT ${limitOf(limit)}`,
  );
  if (due.length === 0) return [];
  const keys = [...new Set(due.map((row) => textCell(row.alert_key)))];
  const alerts = await connection.rows(
    `SELECT ${ALERT_SELECT} FROM alerts FINAL
     WHERE key IN (${keys.map(quoteClickHouseText).join(', ')})`,
  );
  const byKey = new Map(alerts.map((row) => [textCell(row.key), readAlert(row)]));
  return due.flatMap((row) => {
    const alert = byKey.get(textCell(row.alert_key));
    // As DuckDB's join: a delivery whose alert is not stored is not handed out.
    if (alert === undefined) return [];
    return [{ alert, channel: textCell(row.channel), attempts: Number(row.attempts) }];
  });
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
async function readDeliveryStates(
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
async function nextDeliveryVersion(
  connection: ClickHouseConnection,
  keys: readonly string[],
): Promise<number> {
  const [row] = await connection.rows(
    `SELECT max(version) AS version FROM alert_deliveries
     WHERE alert_key IN (${keys.map(quoteClickHouseText).join(', ')})`,
  );
  return nextClickHouseVersion(Number(row?.version ?? 0));
}

async function writeDeliveries(
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

function readAlert(row: ClickHouseRow): Alert {
  return {
    key: textCell(row.key),
    kind: textCell(row.kind) as AlertKind,
    severity: textCell(row.severity) as AlertSeverity,
    // Int64 arrives quoted in JSON; Number reads both.
    createdAt: Number(row.created_at),
    title: textCell(row.title),
    text: textCell(row.text),
    scope: JSON.parse(textCell(row.scope)) as Alert['scope'],
    ...(row.link === null ? {} : { link: textCell(row.link) }),
    data: JSON.parse(textCell(row.data)) as Alert['data'],
  };
}

const pairKey = (alertKey: string, channel: string): string => JSON.stringify([alertKey, channel]);

const nullableNumber = (value: unknown): number | null => (value === null ? null : Number(value));

/** Epoch ms as the integer the Int64 columns hold (DuckDB keeps milliseconds too). */
function epochMs(value: number): number {
  if (!Number.isFinite(value)) {
    throw new StoreError('an alert time is not a number', 'report this as a bug');
  }
  return Math.floor(value);
}

const limitOf = (limit: number): number => Math.max(0, Math.floor(limit));
