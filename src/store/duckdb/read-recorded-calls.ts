import type { DuckDBInstance, DuckDBVector } from '@duckdb/node-api';
import type { RecordedCall } from '../../domain/recorded-call.ts';
import { TAG_KEYS, type Tags } from '../../domain/tags.ts';
import type { CallStatus, Outcome, ServiceTier } from '../../domain/usage-event.ts';
import type { CallsSpec } from '../calls-spec.ts';
import { buildCallsQuery, CALL_COLUMNS } from '../sql/calls-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

type Column = (typeof CALL_COLUMNS)[number];

/**
 * Streams the calls of a period on a connection of its own, so the store's other callers are
 * not held up for the minute a large period can take, and reads each chunk column by column:
 * row objects of every column cost several times as much (recommend over 1M calls).
 */
export async function* readRecordedCalls(
  instance: DuckDBInstance,
  spec: CallsSpec,
  batchSize: number,
): AsyncIterable<RecordedCall[]> {
  const connection = await instance.connect();
  try {
    const query = buildCallsQuery(spec, duckDbDialect);
    const result = await connection.stream(query.text, query.params);
    const freeTags = new Map<string, Record<string, string>>();
    let batch: RecordedCall[] = [];
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const columns = Object.fromEntries(
        CALL_COLUMNS.map((name, index) => [name, chunk.getColumnVector(index)]),
      ) as Columns;
      for (let row = 0; row < chunk.rowCount; row += 1) {
        batch.push(readCall(columns, row, freeTags));
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    connection.closeSync();
  }
}

/** One chunk's columns, by name. */
type Columns = Record<Column, DuckDBVector>;

const text = (column: DuckDBVector, row: number): string => String(column.getItem(row));
const count = (column: DuckDBVector, row: number): number => Number(column.getItem(row));
const optional = (column: DuckDBVector, row: number): unknown => column.getItem(row) ?? undefined;
const optionalText = (column: DuckDBVector, row: number): string | undefined => {
  const value = column.getItem(row);
  return value === null ? undefined : String(value);
};

// Plain functions over the chunk's columns: closures made per row cost more than the read.
function readCall(
  columns: Columns,
  row: number,
  freeTags: Map<string, Record<string, string>>,
): RecordedCall {
  const cost = columns.cost.getItem(row);
  const call: RecordedCall = {
    timestamp: count(columns.ts_ms, row),
    provider: text(columns.provider, row),
    model: text(columns.model, row),
    serviceTier: text(columns.service_tier, row) as ServiceTier,
    tokens: {
      input: count(columns.input_tokens, row),
      output: count(columns.output_tokens, row),
      cacheRead: count(columns.cache_read_tokens, row),
      cacheWrite: count(columns.cache_write_tokens, row),
      cacheWrite1h: count(columns.cache_write_1h_tokens, row),
      reasoning: count(columns.reasoning_tokens, row),
    },
    status: text(columns.status, row) as CallStatus,
    attempt: count(columns.attempt, row),
    tags: readTags(columns, row, freeTags),
    cost: cost === null ? null : Number(cost),
  };
  const errorKind = optionalText(columns.error_kind, row);
  if (errorKind !== undefined) call.errorKind = errorKind;
  const traceId = optionalText(columns.trace_id, row);
  if (traceId !== undefined) call.traceId = traceId;
  const fingerprint = optionalText(columns.prompt_fingerprint, row);
  if (fingerprint !== undefined) call.promptFingerprint = fingerprint;
  const ttft = optional(columns.ttft_ms, row);
  if (ttft !== undefined) call.timeToFirstTokenMs = Number(ttft);
  const outcome = optionalText(columns.outcome, row);
  if (outcome !== undefined) call.outcome = outcome as Outcome;
  const score = optional(columns.score, row);
  if (score !== undefined) call.score = Number(score);
  const givenCost = optional(columns.given_cost, row);
  if (givenCost !== undefined) call.givenCost = Number(givenCost);
  const systemPromptTokens = optional(columns.system_prompt_tokens, row);
  const toolDefinitionTokens = optional(columns.tool_definition_tokens, row);
  if (systemPromptTokens !== undefined || toolDefinitionTokens !== undefined) {
    call.prompt = {};
    if (systemPromptTokens !== undefined)
      call.prompt.systemPromptTokens = Number(systemPromptTokens);
    if (toolDefinitionTokens !== undefined) {
      call.prompt.toolDefinitionTokens = Number(toolDefinitionTokens);
    }
  }
  return call;
}

const TAG_COLUMNS = TAG_KEYS.map((key) => [key, `tag_${key}` as const] as const);

/** Free-tag JSON repeats across calls: each distinct text is parsed once per read (and shared, so frozen). */
function readTags(
  columns: Columns,
  row: number,
  freeTags: Map<string, Record<string, string>>,
): Tags {
  const tags: Tags = {};
  for (const [key, column] of TAG_COLUMNS) {
    const value = columns[column].getItem(row);
    if (typeof value === 'string') tags[key] = value;
  }
  const extra = columns.extra_tags.getItem(row);
  if (typeof extra === 'string') {
    let parsed = freeTags.get(extra);
    if (!parsed) {
      parsed = Object.freeze(JSON.parse(extra) as Record<string, string>);
      freeTags.set(extra, parsed);
    }
    tags.extra = parsed;
  }
  return tags;
}
