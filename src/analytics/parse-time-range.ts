import { ValidationError } from '../domain/errors/index.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * `--from` and `--to` as people write them: a date (YYYY-MM-DD, UTC) or an ISO 8601
 * date-time. A date given as `to` includes that whole day, so `--from 2026-03-01
 * --to 2026-03-31` is the month of March.
 */
export function parseTimeBound(text: string | undefined, bound: 'from' | 'to'): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = text.trim();
  const parsed = DATE_ONLY.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  if (Number.isNaN(parsed) || !(DATE_ONLY.test(value) || /T\d{2}:\d{2}/.test(value))) {
    throw new ValidationError(
      'invalid time range',
      [{ field: bound, reason: `"${value}" is not a date` }],
      'write it as YYYY-MM-DD or an ISO 8601 date-time such as 2026-03-09T14:00:00Z',
    );
  }
  return DATE_ONLY.test(value) && bound === 'to' ? parsed + DAY_MS : parsed;
}

export function parseTimeRange(
  from: string | undefined,
  to: string | undefined,
): { from?: number; to?: number } {
  const range = { from: parseTimeBound(from, 'from'), to: parseTimeBound(to, 'to') };
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to) {
    throw new ValidationError(
      'invalid time range',
      [{ field: 'to', reason: 'must be after from' }],
      'swap --from and --to, or widen the range',
    );
  }
  return range;
}
