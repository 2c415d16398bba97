import type { JsonCursor } from './json-cursor.ts';
import { pageBuckets } from './page-buckets.ts';
import { parseBillTimestamp } from './parse-bill-timestamp.ts';
import { peekField } from './peek-field.ts';

export interface AnthropicReportBucket {
  periodStart: number;
  periodEnd: number;
  results: JsonCursor[];
}

/** The buckets of an Anthropic Admin API report, times read from RFC 3339 text. */
export function anthropicReportBuckets(document: unknown, file: string): AnthropicReportBucket[] {
  return pageBuckets(document, file).map((bucket) => ({
    periodStart: bucketTime(bucket.field('starting_at')),
    periodEnd: bucketTime(bucket.field('ending_at')),
    results: bucket.field('results').items(),
  }));
}

/** An empty report still has Anthropic's envelope: `data` buckets with `starting_at`. */
export function looksLikeAnthropicReport(document: unknown): boolean {
  const page: unknown = Array.isArray(document) ? document[0] : document;
  const buckets = peekField(page, 'data');
  if (!Array.isArray(buckets) || peekField(page, 'object') !== undefined) return false;
  return buckets.length === 0 || peekField(buckets[0], 'starting_at') !== undefined;
}

function bucketTime(cursor: JsonCursor): number {
  return parseBillTimestamp(cursor.string()) ?? cursor.fail('is not an RFC 3339 time');
}
