import { estimateModelCosts, parseEstimateRequest } from '../../govern/index.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/estimate: the options of `tokenops estimate` in snake_case. */
export function estimateRoute(
  pricer: () => Promise<Pricer>,
  providers: readonly string[],
): RouteHandler {
  return async (url) => {
    const query = url.searchParams;
    const text = (name: string) => query.get(name) ?? undefined;
    const request = parseEstimateRequest({
      model: text('model'),
      provider: text('provider'),
      inputTokens: text('input_tokens'),
      outputTokens: text('output_tokens'),
      cachedInputTokens: text('cached_input_tokens'),
      requestsPerDay: text('requests_per_day'),
      daysPerMonth: text('days_per_month'),
    });
    return estimateModelCosts(request, await pricer(), providers, new Date());
  };
}
