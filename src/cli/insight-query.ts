import type { InsightRequest } from '../analytics/index.ts';

/** The --by, --from, --to, --top and --where options as an API query string, for --server. */
export function insightQuery(options: InsightRequest & { top?: string }): string {
  const query = new URLSearchParams();
  for (const key of ['by', 'from', 'to', 'top'] as const) {
    const value = options[key];
    if (value) query.set(key, value);
  }
  for (const filter of options.where ?? []) query.append('where', filter);
  return query.toString();
}
