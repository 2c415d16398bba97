import { parseWhatIfRequest, runWhatIf } from '../../optimize/index.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import type { RouteHandler } from './route-handler.ts';

/** GET /api/v1/whatif: `tokenops whatif` options as query parameters (`context_cap`, `cache_ttl`, `output_cap`, `fix_retries=true`, `system_prompt_tokens`; `where` repeatable). */
export function whatIfRoute(
  store: Store,
  pricer: () => Promise<Pricer>,
  providers: readonly string[],
): RouteHandler {
  return async (url) => {
    const query = url.searchParams;
    const text = (name: string) => query.get(name) ?? undefined;
    const spec = parseWhatIfRequest(
      {
        by: text('by'),
        where: query.getAll('where'),
        from: text('from'),
        to: text('to'),
        model: text('model'),
        contextCap: text('context_cap'),
        tier: text('tier'),
        cache: text('cache'),
        cacheTtl: text('cache_ttl'),
        outputCap: text('output_cap'),
        fixRetries: text('fix_retries'),
        systemPromptTokens: text('system_prompt_tokens'),
      },
      providers,
    );
    return runWhatIf(store, await pricer(), spec);
  };
}
