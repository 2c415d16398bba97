import { ValidationError } from '../../domain/errors/index.ts';
import type { EventBatchReader } from '../../ingest/index.ts';
import type { Store } from '../../store/store.ts';
import { readBodyBytes } from '../read-body.ts';
import type { RouteHandler } from './route-handler.ts';

const BODY_LIMIT = 64 * 2 ** 20;

/**
 * POST /api/v1/events: a JSON array or NDJSON, gzip accepted, idempotent by event id. Valid
 * events are kept even when others in the batch are refused; the answer lists each refused
 * event with its index and reasons. A batch with nothing valid is a 400. The reader parses,
 * validates and prices on its own thread; this thread only stores the columns it hands back.
 */
export function eventsRoute(
  store: Store,
  providers: readonly string[],
  reader: EventBatchReader,
): RouteHandler {
  return async (_url, request) => {
    const read = await reader.read(await readBodyBytes(request, BODY_LIMIT), {
      knownProviders: providers,
      defaultSource: 'api',
    });
    const refused = read.refused.map((item) => ({ index: item.index, issues: item.issues }));
    if (read.batch.count === 0 && refused.length > 0) {
      throw new ValidationError(
        'no valid event in the batch',
        refused.flatMap((item) =>
          item.issues.map((issue) => ({
            field: `[${item.index}].${issue.field}`,
            reason: issue.reason,
          })),
        ),
        'fix the fields named in issues (the event format is in docs/api.md)',
      );
    }
    const result = await store.appendColumns(read.batch);
    return { accepted: result.inserted, duplicates: result.duplicates, refused };
  };
}
