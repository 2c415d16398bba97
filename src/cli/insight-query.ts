import type { InsightRequest } from '../analytics/index.ts';

/** The --by, --from and --to options as an API query string, for --server. */
export function insightQuery(options: InsightRequest & { top?: string }): string {
  const query = new URLSearchParams();
  for (const key of ['by', 'from', 'to', 'top'] as const) {
    const value = options[key];
    if (value) query.set(key, value);
  }
  return query.toString();
}
