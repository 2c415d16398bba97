import { z } from 'zod';
import { anomalyRowSchema } from './api-schemas.ts';
import { errors, json, query } from './openapi-parts.ts';

/** The OpenAPI entry of GET /api/v1/anomalies. */
export function anomaliesPath(): object {
  return {
    get: {
      summary:
        'Cost, token and active-user spikes per scope against a seasonal baseline; runaway traces and virtual keys',
      parameters: [
        query('by', 'Scope dimensions (default team)', 'team,feature'),
        query('from', 'First hour judged, YYYY-MM-DD or ISO date-time (default: 24 h before to)'),
        query(
          'to',
          'End: YYYY-MM-DD (whole day included) or ISO date-time, exclusive (default: the last stored hour)',
        ),
        query(
          'metric',
          'cost, tokens, active_users, calls_per_minute, tokens_per_minute; comma-separated (default all)',
          'cost',
        ),
      ],
      responses: {
        '200': { description: 'Anomalies, by start', ...json(z.array(anomalyRowSchema)) },
        ...errors,
      },
    },
  };
}
