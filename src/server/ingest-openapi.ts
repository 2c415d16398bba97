import { z } from 'zod';
import { usageEventInputSchema } from '../domain/usage-event-schema.ts';
import { errorSchema } from './api-schemas.ts';
import { errors, json } from './openapi-parts.ts';

/** The OpenAPI entries of the events API and the feedback route. */
export function ingestPaths(): Record<string, object> {
  return {
    '/api/v1/events': {
      post: {
        summary: 'Usage events: a JSON array or NDJSON (gzip accepted), idempotent by event id',
        description:
          'Each event is checked on its own: valid events are stored even when others are refused, and the answer lists each refused event with its index and reasons. The event format is in docs/api.md.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'array',
                items: z.toJSONSchema(usageEventInputSchema, { io: 'input' }),
              },
            },
            'application/x-ndjson': { schema: { type: 'string' } },
          },
        },
        responses: {
          '200': {
            description: 'Stored, duplicates skipped, and the refused events',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    accepted: { type: 'integer' },
                    duplicates: { type: 'integer' },
                    refused: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: { index: { type: 'integer' }, issues: { type: 'array' } },
                      },
                    },
                  },
                },
              },
            },
          },
          '413': { description: 'Body larger than 64 MiB', ...json(errorSchema) },
          ...errors,
        },
      },
    },
    '/api/v1/feedback': {
      post: {
        summary:
          'Outcomes after the call: { request_id, outcome: success|failure, score } or an array',
        responses: {
          '200': {
            description: 'Events updated, and request ids not stored (yet)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    updated: { type: 'integer' },
                    unknown: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
  };
}
