import type { Alert } from '../../domain/alert.ts';
import { describeScope, type Anomaly } from '../anomalies/anomaly.ts';

const UNITS: Record<Anomaly['metric'], string> = {
  cost: 'USD',
  tokens: 'tokens',
  active_users: 'active users',
  calls_per_minute: 'calls a minute',
  tokens_per_minute: 'tokens a minute',
};

/** An alert per anomaly, keyed by the anomaly's own key so a spike alerts once. */
export function anomalyAlerts(
  anomalies: readonly Anomaly[],
  now: number,
  linkBase: string | undefined,
): Alert[] {
  return anomalies.map((anomaly) => {
    const scope = describeScope(anomaly.scope);
    const runaway = anomaly.kind === 'runaway';
    const start = new Date(anomaly.start).toISOString();
    const end = new Date(anomaly.end).toISOString();
    return {
      key: anomaly.key,
      kind: runaway ? 'runaway' : 'anomaly',
      severity: runaway || anomaly.score >= 10 ? 'critical' : 'warning',
      createdAt: now,
      title: runaway
        ? `Runaway ${scope}: ${anomaly.metric.replaceAll('_', ' ')}`
        : `${anomaly.metric.replace('_', ' ')} spike for ${scope}`,
      text: `${format(anomaly.observed)} ${UNITS[anomaly.metric]} observed against ${format(anomaly.expected)} expected from ${start} to ${end} (score ${anomaly.score.toFixed(1)}).`,
      scope: anomaly.scope,
      ...(linkBase ? { link: evidence(linkBase, anomaly) } : {}),
      data: {
        metric: anomaly.metric,
        start,
        end,
        observed: anomaly.observed,
        expected: anomaly.expected,
        score: anomaly.score,
      },
    };
  });
}

function evidence(base: string, anomaly: Anomaly): string {
  if (anomaly.scope.trace)
    return `${base}/api/v1/traces/${encodeURIComponent(anomaly.scope.trace)}`;
  const where = Object.entries(anomaly.scope).map(
    ([key, value]) => `where=${encodeURIComponent(`${key}:${value}`)}`,
  );
  const day = 86_400_000;
  const from = new Date(anomaly.start - day).toISOString();
  const to = new Date(anomaly.end + day).toISOString();
  return `${base}/api/v1/report?by=feature,model&grain=hour&from=${from}&to=${to}&${where.join('&')}`;
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
