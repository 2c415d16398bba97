import { ValidationError } from '../../domain/errors/index.ts';
import { parseInsightRequest } from '../../analytics/index.ts';
import { ANOMALY_METRICS, type AnomalyMetric } from './anomaly.ts';
import type { AnomalyOptions } from './detect-recent-anomalies.ts';

/** The options of `tokenops anomalies` and GET /api/v1/anomalies, as text. */
export interface AnomalyRequest {
  by?: string;
  from?: string;
  to?: string;
  /** One metric or a comma-separated list; default all. */
  metric?: string;
}

/** Checks the request; each refusal names the option and the fix. */
export function parseAnomalyRequest(request: AnomalyRequest): AnomalyOptions {
  const metrics = request.metric
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      if ((ANOMALY_METRICS as readonly string[]).includes(name)) return name as AnomalyMetric;
      throw new ValidationError(
        'invalid anomalies request',
        [{ field: 'metric', reason: `"${name}" is not a metric` }],
        `use ${ANOMALY_METRICS.join(', ')}`,
      );
    });
  return {
    ...parseInsightRequest({ by: request.by, from: request.from, to: request.to }, 'team'),
    ...(metrics !== undefined && metrics.length > 0 ? { metrics } : {}),
  };
}
