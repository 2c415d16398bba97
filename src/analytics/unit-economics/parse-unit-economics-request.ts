import { parseDimension } from '../../store/report-spec.ts';
import type { UnitEconomicsSpec } from '../../store/unit-economics-spec.ts';
import { parseTimeRange } from '../parse-time-range.ts';
import { parseFilters } from '../report-request.ts';

/** `--by` (one report dimension, feature by default) and an optional `--from`/`--to`. */
export function parseUnitEconomicsRequest(request: {
  by?: string;
  from?: string;
  to?: string;
  where?: readonly string[];
}): UnitEconomicsSpec {
  return {
    dimension: parseDimension(request.by ?? 'feature', 'by'),
    ...parseTimeRange(request.from, request.to),
    filters: parseFilters(request.where),
  };
}
