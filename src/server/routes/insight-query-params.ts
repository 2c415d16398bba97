/** `by`, `from`, `to` and every `where` of a report route's query string, as its parser takes them. */
export function insightQueryParams(url: URL): {
  by?: string;
  from?: string;
  to?: string;
  where: string[];
} {
  const query = url.searchParams;
  return {
    by: query.get('by') ?? undefined,
    from: query.get('from') ?? undefined,
    to: query.get('to') ?? undefined,
    where: query.getAll('where'),
  };
}
