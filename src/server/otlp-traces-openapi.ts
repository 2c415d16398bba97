import { z } from 'zod';
import { errorSchema } from './api-schemas.ts';

const binary = { schema: { type: 'string', format: 'binary' } };
const error = {
  content: { 'application/json': { schema: z.toJSONSchema(errorSchema, { io: 'output' }) } },
};

/**
 * The OpenAPI entry of POST /v1/traces. OTLP's own protobuf messages are not described here:
 * the official protos are their reference.
 */
export function otlpTracesOperation(errors: object): object {
  return {
    post: {
      summary:
        'OTLP/HTTP trace export (JSON or protobuf, gzip accepted): GenAI spans become events',
      description:
        'The path OpenTelemetry exporters post to. Model-call spans become priced usage events, idempotent by trace and span id; other spans are skipped. Rejected spans are a partial success. The admin token applies when configured. See docs/api.md.',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'object' } },
          'application/x-protobuf': binary,
        },
      },
      responses: {
        '200': {
          description: 'An ExportTraceServiceResponse in the request encoding',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  partialSuccess: {
                    type: 'object',
                    properties: {
                      rejectedSpans: { type: 'integer' },
                      errorMessage: { type: 'string' },
                    },
                  },
                },
              },
            },
            'application/x-protobuf': binary,
          },
        },
        '413': { description: 'Body larger than 64 MiB', ...error },
        '415': { description: 'Neither JSON nor protobuf', ...error },
        ...errors,
      },
    },
  };
}
