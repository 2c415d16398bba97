import { z } from 'zod';
import { TokenopsError, ValidationError } from '../../domain/errors/index.ts';
import { OUTCOMES } from '../../domain/usage-event.ts';
import type { Store } from '../../store/store.ts';
import { readBody } from '../read-body.ts';
import type { RouteHandler } from './route-handler.ts';

const feedbackSchema = z
  .strictObject({
    request_id: z.string().min(1).max(512),
    outcome: z.enum(OUTCOMES).optional(),
    score: z.number().finite().optional(),
  })
  .refine(
    (item) => item.outcome !== undefined || item.score !== undefined,
    'needs outcome or score',
  );

/**
 * POST /api/v1/feedback: `{ request_id, outcome: success|failure, score }` (or an array of
 * them), the id being the `x-tokenops-request-id` the gateway returned. Unknown request ids
 * are listed, not failed: feedback may arrive before the call's event is stored.
 */
export function feedbackRoute(store: Store): RouteHandler {
  return async (_url, request) => {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request, 2 ** 20));
    } catch (error) {
      if (error instanceof TokenopsError) throw error;
      throw new ValidationError(
        'invalid feedback',
        [{ field: '(body)', reason: 'is not valid JSON' }],
        'send { "request_id": "…", "outcome": "success" }',
      );
    }
    const parsed = z.array(feedbackSchema).safeParse(Array.isArray(body) ? body : [body]);
    if (!parsed.success) {
      throw new ValidationError(
        'invalid feedback',
        parsed.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(body)',
          reason: issue.message,
        })),
        'send { "request_id": "…", "outcome": "success" | "failure", "score": 0.9 }',
      );
    }
    return store.recordFeedback(
      parsed.data.map((item) => ({
        requestId: item.request_id,
        ...(item.outcome ? { outcome: item.outcome } : {}),
        ...(item.score !== undefined ? { score: item.score } : {}),
      })),
    );
  };
}
