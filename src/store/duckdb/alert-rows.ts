import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type {
  Alert,
  AlertDelivery,
  AlertKind,
  AlertSeverity,
  DeliveryOutcome,
  DueDelivery,
  StoredAlert,
} from '../../domain/alert.ts';
import type { AlertListSpec } from '../alert-list-spec.ts';
import { sqlTimestamp } from '../sql/sql-timestamp.ts';
import { textCell } from '../sql/text-cell.ts';

const ALERT_COLUMNS = `a.key, a.kind, a.severity, epoch_ms(a.created_at) AS created_ms, a.title,
  a.text, a.scope, a.link, a.data`;

/** Inserts the alerts whose key is new, each with a pending delivery per channel. */
export async function insertAlerts(
  connection: DuckDBConnection,
  alerts: readonly Alert[],
  channels: readonly string[],
  now: number,
): Promise<string[]> {
  const fresh: string[] = [];
  for (const alert of alerts) {
    const seen = await connection.runAndReadAll('SELECT 1 FROM alerts WHERE key = $1', [alert.key]);
    if (seen.currentRowCount > 0 || fresh.includes(alert.key)) continue;
    await connection.run(
      `INSERT INTO alerts VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), $5, $6, $7, $8, $9)`,
      [
        alert.key,
        alert.kind,
        alert.severity,
        sqlTimestamp(alert.createdAt),
        alert.title,
        alert.text,
        JSON.stringify(alert.scope),
        alert.link ?? null,
        JSON.stringify(alert.data),
      ],
    );
    for (const channel of channels) {
      await connection.run(
        `INSERT INTO alert_deliveries (alert_key, channel, next_attempt_at)
         VALUES ($1, $2, CAST($3 AS TIMESTAMP))`,
        [alert.key, channel, sqlTimestamp(now)],
      );
    }
    fresh.push(alert.key);
  }
  return fresh;
}

export async function selectAlerts(
  connection: DuckDBConnection,
  spec: AlertListSpec,
): Promise<StoredAlert[]> {
  const reader = await connection.runAndReadAll(
    `SELECT ${ALERT_COLUMNS} FROM alerts a
     WHERE ($1::TIMESTAMP IS NULL OR a.created_at >= $1::TIMESTAMP)
       AND ($2::TIMESTAMP IS NULL OR a.created_at < $2::TIMESTAMP)
       AND ($3::VARCHAR IS NULL OR a.kind = $3)
     ORDER BY a.created_at DESC, a.key LIMIT $4`,
    [
      spec.from === undefined ? null : sqlTimestamp(spec.from),
      spec.to === undefined ? null : sqlTimestamp(spec.to),
      spec.kind ?? null,
      spec.limit,
    ],
  );
  const alerts = reader.getRowObjectsJS().map(readAlert);
  if (alerts.length === 0) return [];
  const deliveries = await connection.runAndReadAll(
    `SELECT alert_key, channel, attempts, epoch_ms(next_attempt_at) AS next_ms,
       epoch_ms(delivered_at) AS delivered_ms, last_error, abandoned
     FROM alert_deliveries WHERE list_contains($1::VARCHAR[], alert_key) ORDER BY channel`,
    [listValue(alerts.map((alert) => alert.key))],
  );
  const byAlert = new Map<string, AlertDelivery[]>();
  for (const row of deliveries.getRowObjectsJS()) {
    const list = byAlert.get(textCell(row.alert_key)) ?? [];
    list.push({
      channel: textCell(row.channel),
      attempts: Number(row.attempts),
      ...(row.next_ms === null ? {} : { nextAttemptAt: Number(row.next_ms) }),
      ...(row.delivered_ms === null ? {} : { deliveredAt: Number(row.delivered_ms) }),
      ...(row.last_error === null ? {} : { lastError: textCell(row.last_error) }),
      abandoned: row.abandoned === true,
    });
    byAlert.set(textCell(row.alert_key), list);
  }
  return alerts.map((alert) => ({ ...alert, deliveries: byAlert.get(alert.key) ?? [] }));
}

export async function selectDueDeliveries(
  connection: DuckDBConnection,
  now: number,
  limit: number,
): Promise<DueDelivery[]> {
  const reader = await connection.runAndReadAll(
    `SELECT ${ALERT_COLUMNS}, d.channel, d.attempts FROM alert_deliveries d
     JOIN alerts a ON a.key = d.alert_key
     WHERE d.delivered_at IS NULL AND NOT d.abandoned AND d.next_attempt_at <= CAST($1 AS TIMESTAMP)
     ORDER BY d.next_attempt_at, a.key, d.channel LIMIT $2`,
    [sqlTimestamp(now), limit],
  );
  return reader.getRowObjectsJS().map((row) => ({
    alert: readAlert(row),
    channel: textCell(row.channel),
    attempts: Number(row.attempts),
  }));
}

export async function updateDeliveries(
  connection: DuckDBConnection,
  outcomes: readonly DeliveryOutcome[],
): Promise<void> {
  for (const outcome of outcomes) {
    const retryAt = outcome.delivered || outcome.retryAt === undefined ? null : outcome.retryAt;
    await connection.run(
      `UPDATE alert_deliveries SET attempts = attempts + 1,
         delivered_at = CAST($3 AS TIMESTAMP), next_attempt_at = CAST($4 AS TIMESTAMP),
         last_error = $5, abandoned = $6
       WHERE alert_key = $1 AND channel = $2`,
      [
        outcome.alertKey,
        outcome.channel,
        outcome.delivered ? sqlTimestamp(outcome.at) : null,
        retryAt === null ? null : sqlTimestamp(retryAt),
        outcome.delivered ? null : outcome.error,
        !outcome.delivered && outcome.retryAt === undefined,
      ],
    );
  }
}

function readAlert(row: Record<string, unknown>): Alert {
  return {
    key: textCell(row.key),
    kind: textCell(row.kind) as AlertKind,
    severity: textCell(row.severity) as AlertSeverity,
    createdAt: Number(row.created_ms),
    title: textCell(row.title),
    text: textCell(row.text),
    scope: JSON.parse(textCell(row.scope)) as Alert['scope'],
    ...(row.link === null ? {} : { link: textCell(row.link) }),
    data: JSON.parse(textCell(row.data)) as Alert['data'],
  };
}
