import { tallyStoredRequests } from '../../test/helpers/tally-stored-requests.ts';

/**
 * Polls ClickHouse, while the gateways still run, until every completed call's event is there:
 * how long after the last call ended the spools had moved them all (null when not within
 * `withinMs`).
 */
export async function waitUntilStored(options: {
  storeUrl: string;
  completed: ReadonlySet<string>;
  lastCallEnded: number;
  withinMs: number;
}): Promise<number | null> {
  const deadline = performance.now() + options.withinMs;
  while (performance.now() < deadline) {
    const tally = await tallyStoredRequests(options.storeUrl, options.completed);
    if (tally.missing === 0) return Math.round(performance.now() - options.lastCallEnded);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}
