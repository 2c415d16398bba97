import { parsePeriod, parseReportRequest } from '../../analytics/index.ts';
import { ValidationError } from '../../domain/errors/index.ts';
import type { Store } from '../../store/store.ts';
import type { ForecastScopesRequest } from './forecast-scopes.ts';
import { DAY_MS, utcDay } from './utc-day.ts';

/** `tokenops forecast` options and GET /api/v1/forecast parameters, as text. */
export interface ForecastRequest {
  by?: string;
  where?: readonly string[];
  month?: string;
  asOf?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the options and fills the defaults from the stored data: as of the end of the day of
 * the latest event (or now, when that is earlier), and the month holding that instant, so a
 * workload that ended in the past still gets a forecast of its own last month.
 */
export async function parseForecastRequest(
  request: ForecastRequest,
  store: Pick<Store, 'timeRange'>,
  clock: number,
): Promise<ForecastScopesRequest> {
  const { dimensions, filters } = parseReportRequest({ by: request.by, where: request.where });
  let now = asOfInstant(request.asOf);
  if (now === undefined) {
    const latest = (await store.timeRange())?.to;
    now = latest === undefined ? clock : Math.min(clock, (utcDay(latest) + 1) * DAY_MS);
  }
  const month = request.month ?? new Date(now - 1).toISOString().slice(0, 7);
  // parsePeriod would also take a day; a forecast is of a month.
  if (!/^\d{4}-\d{2}$/.test(month)) {
    throw new ValidationError(
      'invalid forecast',
      [{ field: 'month', reason: `"${month}" is not a month` }],
      'write --month as YYYY-MM',
    );
  }
  parsePeriod(month, 'month');
  return { by: dimensions, where: filters, month, now };
}

/** A date means the end of that day (its spend included); a date-time is taken as given. */
function asOfInstant(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = text.trim();
  const parsed = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(parsed) || !(DATE_ONLY.test(value) || /T\d{2}:\d{2}/.test(value))) {
    throw new ValidationError(
      'invalid forecast',
      [{ field: 'as-of', reason: `"${value}" is not a date` }],
      'write --as-of as YYYY-MM-DD or an ISO 8601 date-time such as 2026-03-09T14:00:00Z',
    );
  }
  return DATE_ONLY.test(value) ? parsed + DAY_MS : parsed;
}
