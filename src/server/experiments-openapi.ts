import { z } from 'zod';
import { errorSchema } from './api-schemas.ts';
import { errors, json, query, rangeParameters, whereParameter } from './openapi-parts.ts';

const bound = z.number().nullable();

const experimentRowSchema = z.object({
  experiment: z.string(),
  variant: z.string(),
  role: z.enum(['control', 'variant']),
  requests: z.number().int().describe('first attempts'),
  events: z.number().int().describe('every call, retries included'),
  cost: z.number().describe('effective USD of every call, retries and failures included'),
  unpriced: z.number().int().describe('calls nothing could price'),
  outcomes: z.number().int(),
  successes: z.number().int(),
  success_rate: bound,
  success_rate_lower: bound.describe('Wilson 95 % interval'),
  success_rate_upper: bound,
  scores: z.number().int(),
  mean_score: bound,
  mean_score_lower: bound.describe('t 95 % interval'),
  mean_score_upper: bound,
  cost_per_good_outcome: bound.describe('cost over successes (over the score sum for scores)'),
  metric: z.enum(['success_rate', 'mean_score']).nullable(),
  difference: bound.describe('variant − control in the metric’s units'),
  difference_lower: bound.describe('95 % interval (Newcombe for rates, Welch for scores)'),
  difference_upper: bound,
  margin: bound.describe('non-inferiority margin: 0.02, or 2 % of the control’s mean score'),
  verdict: z.enum(['safe to switch', 'not yet known', 'worse']).nullable(),
  outcomes_needed: bound.describe('more outcomes that would likely decide'),
  reason: z.string(),
});

/** The OpenAPI entry of GET /api/v1/experiments/{name}. */
export function experimentPath(): object {
  return {
    get: {
      summary:
        'A percentage split compared: per variant requests, success rate or mean score with a 95 % interval, cost per good outcome and a verdict against the control',
      parameters: [
        {
          name: 'name',
          in: 'path',
          required: true,
          description: 'the routing rule’s name (free tag experiment)',
          schema: { type: 'string' },
        },
        ...rangeParameters(),
        query(
          'control',
          'the variant to compare with (default: control, else the config’s first)',
          'control',
        ),
        whereParameter(),
      ],
      responses: {
        '200': {
          description: 'One row per variant, the control first',
          ...json(z.array(experimentRowSchema)),
        },
        '404': {
          description:
            'No calls of that experiment; tokenops report --by tag:experiment lists them',
          ...json(errorSchema),
        },
        ...errors,
      },
    },
  };
}
