// The OpenTelemetry JS project's protobufjs code generated from the official OTLP protos; the
// package declares it only as a protobufjs Root, so the two messages used are typed below.
import generatedRoot from '@opentelemetry/otlp-transformer/build/src/generated/root.js';
import { ValidationError } from '../../domain/errors/index.ts';

interface GeneratedMessage {
  decode(bytes: Uint8Array): object;
  toObject(message: object, options: Record<string, unknown>): Record<string, unknown>;
  fromObject(object: Record<string, unknown>): object;
  encode(message: object): { finish(): Uint8Array };
}

interface GeneratedRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: {
          v1: {
            ExportTraceServiceRequest: GeneratedMessage;
            ExportTraceServiceResponse: GeneratedMessage;
          };
        };
      };
    };
  };
}

const messages = (generatedRoot as unknown as GeneratedRoot).opentelemetry.proto.collector.trace.v1;

/** The span id fields, bytes on the wire and hex in OTLP JSON. */
const ID_FIELDS = ['traceId', 'spanId', 'parentSpanId'] as const;

/**
 * A protobuf ExportTraceServiceRequest in OTLP's JSON form (int64 as decimal strings, enums as
 * integers, ids as hex), so one reader serves both encodings.
 */
export function decodeProtobufTraces(body: Uint8Array): unknown {
  let message: object;
  try {
    message = messages.ExportTraceServiceRequest.decode(body);
  } catch (error) {
    throw new ValidationError(
      'invalid OTLP trace export',
      [
        {
          field: '(body)',
          reason: `is not a protobuf ExportTraceServiceRequest: ${(error as Error).message}`,
        },
      ],
      'send Content-Type: application/x-protobuf only with a binary OTLP body, else application/json',
    );
  }
  const request = messages.ExportTraceServiceRequest.toObject(message, {
    longs: String,
    enums: Number,
    bytes: Array,
  });
  walkSpans(request, (span) => {
    for (const field of ID_FIELDS) {
      const bytes = span[field];
      if (Array.isArray(bytes)) span[field] = Buffer.from(bytes as number[]).toString('hex');
    }
  });
  return request;
}

/** An ExportTraceServiceResponse, with a partial success when some spans were rejected. */
export function encodeProtobufTraceResponse(
  rejectedSpans: number,
  errorMessage: string,
): Uint8Array {
  const response =
    rejectedSpans > 0 || errorMessage !== ''
      ? { partialSuccess: { rejectedSpans, errorMessage } }
      : {};
  return messages.ExportTraceServiceResponse.encode(
    messages.ExportTraceServiceResponse.fromObject(response),
  ).finish();
}

function walkSpans(
  request: Record<string, unknown>,
  visit: (span: Record<string, unknown>) => void,
): void {
  for (const resourceSpans of asList(request.resourceSpans)) {
    for (const scopeSpans of asList(resourceSpans.scopeSpans)) {
      for (const span of asList(scopeSpans.spans)) visit(span);
    }
  }
}

function asList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}
