import { ValidationError } from '../domain/errors/index.ts';
import type { InsightSpec } from '../store/insights-spec.ts';
import { parseDimension } from '../store/report-spec.ts';
import { parseTimeRange } from './parse-time-range.ts';

/** The options layers and yield share, as CLI flags and API query strings give them. */
export interface InsightRequest {
  by?: string;
  from?: string;
  to?: string;
}

/** Checks `--by` and `--from`/`--to`; each refusal names the option and the fix. */
export function parseInsightRequest(request: InsightRequest, defaultBy: string): InsightSpec {
  const dimensions = (request.by ?? defaultBy)
    .split(',')
    .filter((name) => name.trim() !== '')
    .map((name) => parseDimension(name, 'by'));
  if (new Set(dimensions).size !== dimensions.length) {
    throw new ValidationError(
      'invalid report',
      [{ field: 'by', reason: 'names a dimension twice' }],
      'list each dimension once',
    );
  }
  return { dimensions, ...parseTimeRange(request.from, request.to) };
}
