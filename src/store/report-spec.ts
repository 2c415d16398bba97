import { ValidationError } from '../domain/errors/index.ts';
import { TAG_KEYS, type TagKey } from '../domain/tags.ts';

/** Columns a report can group and filter by; free tags are `tag:KEY`. */
export const FIXED_DIMENSIONS = [...TAG_KEYS, 'provider', 'model'] as const;
export type FixedDimension = (typeof FIXED_DIMENSIONS)[number];
export type Dimension = FixedDimension | `tag:${string}`;

export const GRAINS = ['none', 'hour', 'day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

export const METRICS = ['cost', 'tokens'] as const;
export type Metric = (typeof METRICS)[number];

export interface ReportFilter {
  dimension: Dimension;
  /** `(unattributed)` matches calls without a value. */
  value: string;
}

/** A report as structured data: never SQL text, every name checked against the lists above. */
export interface ReportSpec {
  dimensions: Dimension[];
  metric: Metric;
  grain: Grain;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  filters: ReportFilter[];
}

/** The token columns of every report row, in order. */
export const REPORT_TOKEN_COLUMNS = [
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
] as const;

export interface ReportRow {
  [dimension: string]: string | number;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  cost: number;
  list_cost: number;
}

const FREE_TAG_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

export function isTagDimension(dimension: Dimension): dimension is `tag:${string}` {
  return dimension.startsWith('tag:');
}

export function isSixTag(dimension: Dimension): dimension is TagKey {
  return (TAG_KEYS as readonly string[]).includes(dimension);
}

/** Checks a dimension name from user input; the error lists what is allowed. */
export function parseDimension(name: string, field: string): Dimension {
  const trimmed = name.trim();
  if ((FIXED_DIMENSIONS as readonly string[]).includes(trimmed)) return trimmed as FixedDimension;
  if (trimmed.startsWith('tag:') && FREE_TAG_KEY.test(trimmed.slice(4))) {
    return trimmed as `tag:${string}`;
  }
  throw new ValidationError(
    'invalid report',
    [{ field, reason: `"${trimmed}" is not a dimension` }],
    `use ${FIXED_DIMENSIONS.join(', ')} or tag:KEY (letters, digits, _ . -)`,
  );
}
