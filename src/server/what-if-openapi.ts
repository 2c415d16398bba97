import { z } from 'zod';
import { errors, json, query, rangeParameters } from './openapi-parts.ts';

const whatIfRowSchema = z
  .object({
    requests: z.number().int(),
    current_cost: z.number(),
    whatif_cost: z.number(),
    saving: z.number(),
    saving_share: z.number().describe('share of current_cost saved; negative when it costs more'),
    unpriced: z.number().int().describe('calls left out: not priced before or under the change'),
  })
  .catchall(z.string().describe('one key per grouped dimension'));

/** The OpenAPI entry of GET /api/v1/whatif. */
export function whatIfPath(): object {
  return {
    get: {
      summary:
        'Re-price a period from its recorded tokens under one change: another model, a context cap, a tier, a prompt cache, an exact response cache, an output cap, no retries or a shorter system prompt',
      parameters: [
        ...rangeParameters(),
        query(
          'model',
          'the model to replay on; provider:model for another provider',
          'gpt-4o-mini',
        ),
        query('context_cap', 'replay with prompts trimmed to this many tokens', '8000'),
        query('tier', 'replay on the batch or flex service tier', 'batch'),
        query(
          'cache',
          'prefix: system prompt and tools read from cache; exact: the exact response cache on',
          'exact',
        ),
        query(
          'cache_ttl',
          'with cache=exact: the cache’s time to live in seconds (default 3600)',
          '3600',
        ),
        query('output_cap', 'replay with answers cut to this many tokens', '1200'),
        query(
          'fix_retries',
          'true: failed attempts bill nothing (the causes of retries fixed)',
          'true',
        ),
        query('system_prompt_tokens', 'replay with system prompts trimmed to this size', '1800'),
        query('where', 'KEY:VALUE, repeatable: only these calls', 'feature:support-chat'),
        query('by', 'a row per value of these dimensions', 'feature,model'),
      ],
      responses: {
        '200': { description: 'Rows, largest saving first', ...json(z.array(whatIfRowSchema)) },
        ...errors,
      },
    },
  };
}
