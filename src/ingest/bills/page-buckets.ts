import { JsonCursor } from './json-cursor.ts';
import { peekField } from './peek-field.ts';

/**
 * The time buckets of a paged usage or cost API export: `{data: [bucket…], has_more,
 * next_page}`, each bucket with its `results`. An API answers one page at a time, so a
 * longer export is the pages saved together as a JSON array; both forms are read.
 */
export function pageBuckets(document: unknown, file: string): JsonCursor[] {
  const root = JsonCursor.root(document, file);
  const pages = Array.isArray(document) ? root.items() : [root];
  return pages.flatMap((page) => page.field('data').items());
}

/** The first result of the first bucket that has one, to recognise an export's shape. */
export function firstBucketResult(document: unknown): unknown {
  const pages: unknown[] = Array.isArray(document) ? document : [document];
  for (const page of pages) {
    const buckets = peekField(page, 'data');
    if (!Array.isArray(buckets)) return undefined;
    for (const bucket of buckets) {
      const results = peekField(bucket, 'results');
      if (Array.isArray(results) && results.length > 0) return results[0] as unknown;
    }
  }
  return undefined;
}
