import { ValidationError } from '../../domain/errors/index.ts';
import { jsonErrorReason } from '../json-error-reason.ts';
import type { UsageEvent } from '../../domain/usage-event.ts';
import type { OtlpSpan } from './otlp-span.ts';
import { decodeProtobufTraces } from './protobuf-trace-codec.ts';
import { readOtlpSpans, type RejectedSpan } from './read-otlp-spans.ts';
import { spanToUsageEvent, type SpanMappingOptions } from './span-to-usage-event.ts';

export type OtlpEncoding = 'json' | 'protobuf';

export interface OtlpBatch {
  events: UsageEvent[];
  /** Spans that are not model calls (tools, agents, retrieval…): nothing to meter. */
  skipped: number;
  /** Spans that look like model calls but cannot be recorded, with the reason. */
  rejected: RejectedSpan[];
}

/** Spans that may repeat the usage totals of the model calls beneath them (otel-genai.md §1). */
const AGGREGATE_OPERATIONS = new Set(['invoke_agent', 'create_agent', 'invoke_workflow']);

/** An OTLP/HTTP trace export (JSON or protobuf) as usage events, one per model-call span. */
export function readOtlpTraces(
  body: Buffer,
  encoding: OtlpEncoding,
  options: SpanMappingOptions,
): OtlpBatch {
  const { spans, rejected } = readOtlpSpans(
    encoding === 'protobuf' ? decodeProtobufTraces(body) : parseJson(body),
  );
  const batch: OtlpBatch = { events: [], skipped: 0, rejected };
  const mapped = spans.map((span) => ({ span, mapping: spanToUsageEvent(span, options) }));
  const coveredByChildren = ancestorsOfModelCalls(mapped);
  for (const { span, mapping } of mapped) {
    if ('refused' in mapping) {
      batch.rejected.push({ path: `span ${span.spanId}`, reason: mapping.refused });
    } else if ('skipped' in mapping || coveredByChildren.has(span.spanId)) {
      batch.skipped += 1;
    } else {
      batch.events.push(mapping.event);
    }
  }
  return batch;
}

/**
 * Aggregate spans (agents, workflows) whose descendants in this export carry their own usage:
 * counting both would count the tokens twice, so the descendants' counts are kept.
 */
function ancestorsOfModelCalls(
  mapped: readonly { span: OtlpSpan; mapping: ReturnType<typeof spanToUsageEvent> }[],
): Set<string> {
  const parents = new Map(mapped.map(({ span }) => [span.spanId, span.parentSpanId]));
  const covered = new Set<string>();
  for (const { span, mapping } of mapped) {
    if (!('event' in mapping) || AGGREGATE_OPERATIONS.has(mapping.event.operation ?? '')) continue;
    let parent = span.parentSpanId;
    while (parent !== undefined && !covered.has(parent)) {
      covered.add(parent);
      parent = parents.get(parent);
    }
  }
  const aggregates = mapped.filter(
    ({ mapping }) => 'event' in mapping && AGGREGATE_OPERATIONS.has(mapping.event.operation ?? ''),
  );
  return new Set(aggregates.map(({ span }) => span.spanId).filter((id) => covered.has(id)));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(body: Buffer): unknown {
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    throw new ValidationError(
      'invalid OTLP trace export',
      [{ field: '(body)', reason: 'is not UTF-8 text' }],
      'send OTLP JSON as UTF-8, or protobuf with Content-Type: application/x-protobuf',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError(
      'invalid OTLP trace export',
      [{ field: '(body)', reason: jsonErrorReason(error) }],
      'send an OTLP JSON ExportTraceServiceRequest, or protobuf with Content-Type: application/x-protobuf',
    );
  }
}
