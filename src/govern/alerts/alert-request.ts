import { parseTimeRange } from '../../analytics/index.ts';
import { ALERT_KINDS, type AlertKind, type StoredAlert } from '../../domain/alert.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import type { AlertListSpec } from '../../store/alert-list-spec.ts';

/** `tokenops alerts` and GET /api/v1/alerts: from, to, kind, limit as given. */
export function parseAlertRequest(request: {
  from?: string;
  to?: string;
  kind?: string;
  limit?: string;
}): AlertListSpec {
  const range = parseTimeRange(request.from, request.to);
  if (request.kind !== undefined && !(ALERT_KINDS as readonly string[]).includes(request.kind)) {
    throw new ValidationError(
      'invalid alert filter',
      [{ field: 'kind', reason: `"${request.kind}" is not one of ${ALERT_KINDS.join(', ')}` }],
      `pass --kind ${ALERT_KINDS.join('|')}`,
    );
  }
  const limit = request.limit === undefined ? 100 : Number(request.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new ValidationError(
      'invalid alert filter',
      [{ field: 'limit', reason: `"${request.limit}" is not a whole number from 1 to 10000` }],
      'pass --limit 100, for instance',
    );
  }
  return { ...range, ...(request.kind ? { kind: request.kind as AlertKind } : {}), limit };
}

/** One alert as JSON rows show it: times in ISO 8601, each channel's delivery state. */
export type AlertRow = {
  key: string;
  kind: string;
  severity: string;
  created_at: string;
  title: string;
  text: string;
  scope: Record<string, string>;
  link: string | null;
  data: Record<string, unknown>;
  deliveries: {
    channel: string;
    state: 'delivered' | 'retrying' | 'abandoned';
    attempts: number;
    delivered_at: string | null;
    next_attempt_at: string | null;
    last_error: string | null;
  }[];
};

export function buildAlertRow(alert: StoredAlert): AlertRow {
  const iso = (value: number | undefined) =>
    value === undefined ? null : new Date(value).toISOString();
  return {
    key: alert.key,
    kind: alert.kind,
    severity: alert.severity,
    created_at: new Date(alert.createdAt).toISOString(),
    title: alert.title,
    text: alert.text,
    scope: { ...alert.scope },
    link: alert.link ?? null,
    data: { ...alert.data },
    deliveries: alert.deliveries.map((delivery) => ({
      channel: delivery.channel,
      state:
        delivery.deliveredAt !== undefined
          ? 'delivered'
          : delivery.abandoned
            ? 'abandoned'
            : 'retrying',
      attempts: delivery.attempts,
      delivered_at: iso(delivery.deliveredAt),
      next_attempt_at: iso(delivery.nextAttemptAt),
      last_error: delivery.lastError ?? null,
    })),
  };
}
