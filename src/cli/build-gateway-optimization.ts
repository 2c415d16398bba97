import type { TokenopsConfig } from '../config/index.ts';
import type { GatewayOptions } from '../gateway/index.ts';
import type { CachedResponse } from '../optimize/index.ts';
import type { Pricer } from '../pricing/index.ts';

/**
 * The gateway's optimizations from tokenops.yaml — routing, context, output, the exact cache,
 * kept in Redis when redis.url is set (shared by replicas) or in this process, and the
 * semantic cache, whose index each process keeps. Nothing configured gives undefined, and the
 * gateway's request path stays as it was.
 */
export async function buildGatewayOptimization(
  config: TokenopsConfig,
  pricer: () => Promise<Pricer>,
): Promise<GatewayOptimizations | undefined> {
  const { routing, context, output } = config;
  const { exact, semantic } = config.cache;
  const rules = routing.length + context.length + output.length;
  if (rules === 0 && !exact.enabled && !semantic.enabled) return undefined;
  const { createMemoryResponseCache, createRedisResponseCache, createSemanticIndex } =
    await import('../optimize/index.ts');
  const store = !exact.enabled
    ? undefined
    : config.redis.url
      ? await createRedisResponseCache(config.redis.url)
      : createMemoryResponseCache({ maxEntries: exact.maxEntries });
  return {
    routing,
    context,
    output,
    ...(store ? { exactCache: { ...exact, store } } : {}),
    ...(semantic.enabled
      ? {
          semanticCache: {
            ...semantic,
            index: createSemanticIndex<CachedResponse>({ maxEntries: semantic.maxEntries }),
          },
        }
      : {}),
    pricer,
  };
}

type GatewayOptimizations = NonNullable<GatewayOptions['optimization']>;
