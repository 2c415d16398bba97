import { z } from 'zod';
import { errors, json, query } from './openapi-parts.ts';

const recommendationSchema = z.object({
  kind: z.enum([
    'prompt-bloat',
    'cache-opportunity',
    'tiering',
    'batch',
    'output-outliers',
    'retry-hot-spot',
    'context-growth',
  ]),
  scope: z.record(z.string(), z.string()).describe('the feature (and model) it is about'),
  title: z.string(),
  change: z
    .object({
      scenario: z.object({ kind: z.string() }).catchall(z.unknown()),
      where: z.record(z.string(), z.string()),
    })
    .describe('the whatif scenario and the calls it applies to'),
  monthly_saving: z
    .number()
    .describe('USD: the change replayed over the period, scaled to 30 days'),
  evidence: z.record(z.string(), z.union([z.string(), z.number()])),
  quality_risk: z.object({ level: z.enum(['low', 'medium', 'high']), reason: z.string() }),
  whatif: z.string().describe('the tokenops whatif command that reproduces the saving'),
});

/** The OpenAPI entry of GET /api/v1/recommendations. */
export function recommendationsPath(): object {
  return {
    get: {
      summary:
        'Ways to spend less, each with its monthly saving (a whatif replay), evidence and quality risk',
      parameters: [
        query('from', 'YYYY-MM-DD or ISO date-time (default: 30 days before to)', '2026-03-01'),
        query(
          'to',
          'YYYY-MM-DD, that whole day included (default: the last stored day)',
          '2026-03-31',
        ),
        query('kind', 'only these kinds, comma-separated', 'tiering,batch'),
      ],
      responses: {
        '200': {
          description: 'Recommendations, largest saving first',
          ...json(z.array(recommendationSchema)),
        },
        ...errors,
      },
    },
  };
}
