import type { BatchOutcome, BatchStatus } from '../../domain/batch.ts';
import { ConflictError, UpstreamError } from '../../domain/errors/index.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import type { BatchClient } from './batch-client.ts';
import type { BatchRecord, BatchRecords } from './batch-record.ts';
import { batchResultEvent } from './batch-result-event.ts';
import { recordStatus } from './record-status.ts';

export interface CollectDependencies {
  client: BatchClient;
  records: BatchRecords;
  store: Store;
  pricer: Pricer;
  now: () => Date;
}

export interface CollectSummary {
  id: string;
  provider: string;
  results: number;
  outcomes: Record<BatchOutcome, number>;
  inserted: number;
  duplicates: number;
  /** Effective cost of the results, summed exactly; null when some model has no price. */
  cost: number | null;
}

/**
 * Turns an ended batch's results into priced usage events on the batch tier and stores them.
 * Event ids come from the batch and custom_id, so collecting again stores nothing twice.
 * `status` is the one just read when the caller waited for it.
 */
export async function collectBatch(
  dependencies: CollectDependencies,
  record: BatchRecord,
  status?: BatchStatus,
): Promise<CollectSummary> {
  const { client, records, store, pricer, now } = dependencies;
  const current = status ?? (await client.status(record.id));
  const checked = recordStatus(record, current, now());
  await records.save(checked);
  if (current.state === 'failed') {
    throw new UpstreamError(
      `${record.provider} refused batch ${record.id}${current.message ? `: ${current.message}` : ''}`,
      'correct the file and submit it again',
    );
  }
  if (current.state === 'in_progress') {
    throw new ConflictError(
      `batch ${record.id} has not finished (${current.providerStatus}, ${current.done} of ${current.total} done)`,
      `run tokenops batch collect ${record.id} --wait, or again later`,
    );
  }
  const results = await client.results(record.id);
  const timestamp = current.endedAt ?? now().getTime();
  const events = results.map((result) => {
    const event = batchResultEvent(record, result, timestamp);
    return { ...event, pricing: pricer.price(event) };
  });
  const appended = await store.append(events);
  const outcomes: Record<BatchOutcome, number> = {
    succeeded: 0,
    errored: 0,
    canceled: 0,
    expired: 0,
  };
  for (const result of results) outcomes[result.outcome] += 1;
  await records.save({
    ...checked,
    collected: {
      at: now().toISOString(),
      results: results.length,
      inserted: appended.inserted,
      duplicates: appended.duplicates,
    },
  });
  const unpriced = events.some((event) => event.pricing.effective === null);
  // Summed in pico-dollars (the stored precision) so many small costs add up exactly.
  const pico = events.reduce(
    (sum, event) => sum + BigInt(Math.round((event.pricing.effective?.total ?? 0) * 1e12)),
    0n,
  );
  return {
    id: record.id,
    provider: record.provider,
    results: results.length,
    outcomes,
    inserted: appended.inserted,
    duplicates: appended.duplicates,
    cost: unpriced ? null : Number(pico) / 1e12,
  };
}
