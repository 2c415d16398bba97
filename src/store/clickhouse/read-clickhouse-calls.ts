import type { RecordedCall } from '../../domain/recorded-call.ts';
import { TAG_KEYS, type Tags } from '../../domain/tags.ts';
import type { CallStatus, Outcome, ServiceTier } from '../../domain/usage-event.ts';
import type { CallsSpec } from '../calls-spec.ts';
import { buildCallsQuery } from '../sql/calls-query.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection, ClickHouseRow } from './clickhouse-connection.ts';
import { tokensFromRow } from '../sql/event-from-row.ts';

/** The calls of a period in time order through the shared calls builder, streamed in batches. */
export async function* readClickHouseCalls(
  connection: ClickHouseConnection,
  spec: CallsSpec,
  batchSize: number,
): AsyncIterable<RecordedCall[]> {
  // Free-tag JSON repeats across calls: each distinct text is parsed once per read (shared, so frozen).
  const freeTags = new Map<string, Record<string, string>>();
  const rows = connection.batches(buildCallsQuery(spec, clickHouseDialect), batchSize);
  for await (const batch of rows) yield batch.map((row) => readCall(row, freeTags));
}

const present = (value: unknown): boolean => value !== null && value !== undefined;

function readCall(row: ClickHouseRow, freeTags: Map<string, Record<string, string>>): RecordedCall {
  const call: RecordedCall = {
    timestamp: Number(row.ts_ms),
    provider: String(row.provider),
    model: String(row.model),
    serviceTier: String(row.service_tier) as ServiceTier,
    tokens: tokensFromRow(row),
    status: String(row.status) as CallStatus,
    attempt: Number(row.attempt),
    tags: readTags(row, freeTags),
    cost: present(row.cost) ? Number(row.cost) : null,
  };
  if (present(row.error_kind)) call.errorKind = String(row.error_kind);
  if (present(row.trace_id)) call.traceId = String(row.trace_id);
  if (present(row.prompt_fingerprint)) call.promptFingerprint = String(row.prompt_fingerprint);
  if (present(row.ttft_ms)) call.timeToFirstTokenMs = Number(row.ttft_ms);
  if (present(row.outcome)) call.outcome = String(row.outcome) as Outcome;
  if (present(row.score)) call.score = Number(row.score);
  if (present(row.given_cost)) call.givenCost = Number(row.given_cost);
  if (present(row.system_prompt_tokens) || present(row.tool_definition_tokens)) {
    call.prompt = {};
    if (present(row.system_prompt_tokens)) {
      call.prompt.systemPromptTokens = Number(row.system_prompt_tokens);
    }
    if (present(row.tool_definition_tokens)) {
      call.prompt.toolDefinitionTokens = Number(row.tool_definition_tokens);
    }
  }
  return call;
}

function readTags(row: ClickHouseRow, freeTags: Map<string, Record<string, string>>): Tags {
  const tags: Tags = {};
  for (const key of TAG_KEYS) {
    const value = row[`tag_${key}`];
    if (typeof value === 'string') tags[key] = value;
  }
  const extra = row.extra_tags;
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
