import type { UsageEvent } from '../../domain/usage-event.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';

export interface IngestResult {
  accepted: number;
  /** Events whose id was already stored: ingest is idempotent by event id. */
  duplicates: number;
}

/** Prices valid events (unless they carry a cost) and stores them in one transaction. */
export async function ingestEvents(
  store: Store,
  pricer: Pricer,
  events: readonly UsageEvent[],
): Promise<IngestResult> {
  const result = await store.append(
    events.map((event) => ({ ...event, pricing: pricer.price(event) })),
  );
  return { accepted: result.inserted, duplicates: result.duplicates };
}
