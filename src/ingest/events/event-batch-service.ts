import type { MessagePort } from 'node:worker_threads';
import { ValidationError } from '../../domain/errors/index.ts';
import type { ParseOptions } from '../../domain/usage-event-schema.ts';
import type { Pricer } from '../../pricing/index.ts';
import { toColumnBatch } from '../../store/column-batch.ts';
import { EVENT_COLUMNS } from '../../store/event-columns.ts';
import { packColumnBatch, type PackedColumnBatch } from '../../store/packed-column-batch.ts';
import { pricerFromSpec, type PricerSpec } from './pricer-spec.ts';
import { readEventLines } from '../../domain/read-event-lines.ts';
import { readEventBatch, type RefusedEvent } from './read-event-batch.ts';

/**
 * A body to read: its bytes (UTF-8 JSON or NDJSON, already unzipped) and how to read them; or,
 * without options, a gateway spool segment (events tokenops wrote itself, one a line).
 */
export interface EventBatchRequest {
  id: number;
  bytes: Uint8Array;
  options?: ParseOptions;
}

/**
 * The valid events priced and laid out as the events table's columns (packed, so they move
 * to the main thread in bulk) and the refused ones; or why the body as a whole was refused.
 */
export type EventBatchAnswer =
  | { id: number; batch: PackedColumnBatch; refused: RefusedEvent[]; skipped: number }
  | { id: number; invalid: { what: string; issues: ValidationError['issues']; fix: string } }
  | { id: number; failure: string };

/**
 * Answers EventBatchRequests on `port` with EventBatchAnswers: on a worker of its own
 * (event-batch-worker.ts), or as a guest on the store's thread (a ThreadGuest).
 */
export function serve(port: MessagePort, data: unknown): void {
  // Built on the first batch: the catalog is large, and a server that takes no events never
  // needs it here.
  let pricer: Pricer | undefined;
  port.on('message', ({ id, bytes, options }: EventBatchRequest) => {
    try {
      const { events, refused, skipped } = options
        ? { ...readEventBatch(bytes, options), skipped: 0 }
        : { ...readEventLines(bytes), refused: [] };
      pricer ??= pricerFromSpec(data as PricerSpec);
      const priced = events.map((event) => Object.assign(event, { pricing: pricer!.price(event) }));
      const { packed, transfer } = packColumnBatch(toColumnBatch(EVENT_COLUMNS, priced));
      port.postMessage(
        { id, batch: packed, refused, skipped } satisfies EventBatchAnswer,
        transfer,
      );
    } catch (error) {
      port.postMessage(failed(id, error));
    }
  });
}

function failed(id: number, error: unknown): EventBatchAnswer {
  if (error instanceof ValidationError) {
    return { id, invalid: { what: error.what, issues: error.issues, fix: error.fix } };
  }
  return { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
