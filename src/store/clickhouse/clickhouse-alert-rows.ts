import type {
  Alert,
  AlertDelivery,
  AlertKind,
  AlertSeverity,
  DueDelivery,
  StoredAlert,
} from '../../domain/alert.ts';
import type { AlertListSpec } from '../alert-list-spec.ts';
import {
  epochMs,
  nextDeliveryVersion,
  readDeliveryStates,
  writeDeliveries,
} from './clickhouse-alert-deliveries.ts';
import type { ClickHouseConnection, ClickHouseRow } from './clickhouse-connection.ts';
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
const ALERT_SELECT = ALERT_COLUMNS.join(', ');

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

const limitOf = (limit: number): number => Math.max(0, Math.floor(limit));
