import type { UsageEventInput } from './usage-event-schema.ts';
import type { UsageEvent } from './usage-event.ts';

/**
 * The wire form (PRODUCT.md §9, docs/api.md) of an event, for a door that sends its events
 * to a server: `parseUsageEvent` of the result gives the same event back.
 */
export function toUsageEventInput(event: UsageEvent): UsageEventInput {
  const { extra, ...six } = event.tags;
  const wire: Record<string, unknown> = {
    id: event.id,
    timestamp: new Date(event.timestamp).toISOString(),
    source: event.source,
    provider: event.provider,
    model: event.model,
    requested_model: event.requestedModel,
    operation: event.operation,
    input_tokens: event.tokens.input,
    output_tokens: event.tokens.output,
    cache_read_tokens: event.tokens.cacheRead,
    cache_write_tokens: event.tokens.cacheWrite,
    cache_write_1h_tokens: event.tokens.cacheWrite1h,
    reasoning_tokens: event.tokens.reasoning,
    system_prompt_tokens: event.prompt?.systemPromptTokens,
    tool_definition_tokens: event.prompt?.toolDefinitionTokens,
    tags: { ...extra, ...six },
    request_id: event.requestId,
    trace_id: event.traceId,
    span_id: event.spanId,
    parent_span_id: event.parentSpanId,
    service_tier: event.serviceTier,
    status: event.status,
    error_kind: event.errorKind,
    latency_ms: event.latencyMs,
    time_to_first_token_ms: event.timeToFirstTokenMs,
    attempt: event.attempt,
    retry_of: event.retryOf,
    cache_outcome: event.cacheOutcome,
    prompt_fingerprint: event.promptFingerprint,
    outcome: event.outcome,
    score: event.score,
    cost: event.givenCost,
    usage_estimated: event.usageEstimated,
    avoided_cost: event.avoidedCost,
    trimmed_tokens: event.trimmedTokens,
  };
  for (const key of Object.keys(wire)) if (wire[key] === undefined) delete wire[key];
  return wire as UsageEventInput;
}
