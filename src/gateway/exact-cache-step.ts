import type { UsageEvent } from '../domain/usage-event.ts';
import { asksCacheBypass, exactCacheKey, type CachedResponse } from '../optimize/index.ts';
import type { HeaderMap } from '../providers/wire-protocol.ts';
import { cachedResponseOf, type CapturedAnswer } from './cached-response-of.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { CallPlan } from './plan-call.ts';
import type { GatewayMeteredRequest } from './prepare-metered-request.ts';

/** What the exact cache does with one call: nothing (not in scope), a bypass, or a lookup. */
export type CacheDecision = { outcome: 'bypass' } | { outcome: 'lookup'; key: string } | undefined;

export const CACHE_HEADER = 'x-tokenops-cache';

/**
 * Whether the call is in a cached scope and, if so, its key: the normalised body as it will
 * be sent, the provider and path it goes to, the stream flag, the six tags and the scope.
 */
export function decideCache(
  context: GatewayContext,
  plan: CallPlan,
  metered: GatewayMeteredRequest,
  headers: HeaderMap,
): CacheDecision {
  const optimizer = context.optimizer;
  if (!optimizer?.cache || plan.first.keyBody === undefined) return undefined;
  const scope = optimizer.cacheScope(plan.tags, metered.facts.model);
  if (scope === undefined) return undefined;
  const control = headers['cache-control'];
  if (asksCacheBypass(Array.isArray(control) ? control.join(',') : control)) {
    return { outcome: 'bypass' };
  }
  const key = exactCacheKey({
    provider: plan.first.upstream.name,
    path: plan.first.path,
    stream: metered.facts.stream,
    tags: plan.tags,
    scope,
    body: plan.first.keyBody,
  });
  return { outcome: 'lookup', key };
}

/** The stored answer, or undefined; a cache that fails is a miss, never a failed call. */
export async function readCache(
  context: GatewayContext,
  key: string,
): Promise<CachedResponse | undefined> {
  const cache = context.optimizer?.cache;
  if (!cache) return undefined;
  try {
    return await cache.store.get(key);
  } catch (error) {
    context.optimizer?.warnOnce(
      'cache-read',
      `gateway: exact cache unavailable, calls go upstream (${String(error)})`,
    );
    return undefined;
  }
}

/** Keeps a complete 2xx answer the caller just got, with the call that produced it. */
export async function writeCache(
  context: GatewayContext,
  key: string,
  answer: CapturedAnswer,
  event: UsageEvent,
): Promise<void> {
  const cache = context.optimizer?.cache;
  if (!cache || answer.body.length > cache.maxEntryBytes) return;
  try {
    await cache.store.set(key, cachedResponseOf(answer, event), cache.ttlMs);
  } catch (error) {
    context.optimizer?.warnOnce(
      'cache-write',
      `gateway: exact cache unavailable, answers not kept (${String(error)})`,
    );
  }
}
