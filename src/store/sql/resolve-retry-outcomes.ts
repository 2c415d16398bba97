/** One retried call: its request, the request it retried, and its own outcome if recorded. */
export interface RetryLink {
  requestId: string | null;
  retryOf: string;
  outcome: string | null;
}

/**
 * The outcome each earlier request inherits from its retries, as the yield builder's
 * `WITH RECURSIVE` walk finds it: a retried call with an outcome passes it to the request it
 * retried, and on to that request's own `retry_of`, any depth; a request reached by several
 * outcomes keeps the least (SQL's `min`). For engines without recursive queries. A cycle of
 * `retry_of` links ends where a request already holds that outcome.
 */
export function resolveRetryOutcomes(links: readonly RetryLink[]): Map<string, string> {
  const retriedBy = new Map<string, string[]>();
  for (const link of links) {
    if (link.requestId === null) continue;
    const earlier = retriedBy.get(link.requestId) ?? [];
    earlier.push(link.retryOf);
    retriedBy.set(link.requestId, earlier);
  }
  const reached = new Set<string>();
  const outcomes = new Map<string, string>();
  const pending = links.flatMap((link) =>
    link.outcome === null ? [] : [{ requestId: link.retryOf, outcome: link.outcome }],
  );
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { requestId, outcome } = next;
    const key = `${outcome}\u0000${requestId}`;
    if (reached.has(key)) continue;
    reached.add(key);
    const least = outcomes.get(requestId);
    if (least === undefined || outcome < least) outcomes.set(requestId, outcome);
    for (const retryOf of retriedBy.get(requestId) ?? []) {
      pending.push({ requestId: retryOf, outcome });
    }
  }
  return outcomes;
}
