export { readOtlpTraces, type OtlpBatch, type OtlpEncoding } from './read-otlp-traces.ts';
export { encodeProtobufTraceResponse } from './protobuf-trace-codec.ts';
export type { RejectedSpan } from './read-otlp-spans.ts';
export type { SpanMappingOptions } from './span-to-usage-event.ts';
