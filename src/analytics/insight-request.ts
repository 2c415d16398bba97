import type { InsightSpec } from '../store/insights-spec.ts';
import { parseDimensions } from './parse-dimensions.ts';
import { parseTimeRange } from './parse-time-range.ts';
import { parseFilters } from './report-request.ts';

/** The options layers and yield share, as CLI flags and API query strings give them. */
export interface InsightRequest {
  by?: string;
  from?: string;
  to?: string;
  /** Filters as `--where` takes them (see parseFilters). */
  where?: readonly string[];
}

/** Checks `--by` and `--from`/`--to`; each refusal names the option and the fix. */
export function parseInsightRequest(request: InsightRequest, defaultBy: string): InsightSpec {
  const dimensions = parseDimensions(request.by ?? defaultBy);
  return {
    dimensions,
    ...parseTimeRange(request.from, request.to),
    filters: parseFilters(request.where),
  };
}
