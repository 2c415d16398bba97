import { ValidationError } from '../domain/errors/index.ts';
import {
  GRAINS,
  METRICS,
  parseDimension,
  type Grain,
  type Metric,
  type ReportFilter,
  type ReportSpec,
} from '../store/report-spec.ts';
import { parseDimensions } from './parse-dimensions.ts';
import { parseTimeRange } from './parse-time-range.ts';

/** A report as the CLI flags and the API query string give it, all text. */
export interface ReportRequest {
  by?: string;
  metric?: string;
  grain?: string;
  from?: string;
  to?: string;
  /** `KEY=VALUE` (CLI) or `KEY:VALUE` (API), KEY a dimension such as team or tag:region. */
  where?: readonly string[];
}

const FILTER = /^(tag:[A-Za-z0-9_.-]+|[a-z_]+)[=:](.*)$/;

/** Turns user text into a checked ReportSpec; every refusal names the option and the fix. */
export function parseReportRequest(request: ReportRequest): ReportSpec {
  const dimensions = parseDimensions(request.by ?? '');
  return {
    dimensions,
    metric: oneOf(request.metric ?? 'cost', METRICS, 'metric') as Metric,
    grain: oneOf(request.grain ?? 'none', GRAINS, 'grain') as Grain,
    ...parseTimeRange(request.from, request.to),
    filters: parseFilters(request.where),
  };
}

/** `--where` filters (`team=search`, `tag:region=eu`; the API also takes `team:search`). */
export function parseFilters(where: readonly string[] | undefined): ReportFilter[] {
  return (where ?? []).map(parseFilter);
}

function parseFilter(text: string): ReportFilter {
  const match = FILTER.exec(text.trim());
  if (!match?.[1] || match[2] === undefined || match[2] === '') {
    throw new ValidationError(
      'invalid report',
      [{ field: 'where', reason: `"${text}" is not KEY=VALUE` }],
      'write a filter as team=search or tag:region=eu (the API also takes team:search)',
    );
  }
  return { dimension: parseDimension(match[1], 'where'), value: match[2] };
}

function oneOf(value: string, allowed: readonly string[], field: string): string {
  if (allowed.includes(value)) return value;
  throw new ValidationError(
    'invalid report',
    [{ field, reason: `"${value}" is not one of ${allowed.join(', ')}` }],
    `use --${field} ${allowed.join('|')}`,
  );
}
