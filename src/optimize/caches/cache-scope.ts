import type { TagScope, Tags } from '../../domain/tags.ts';
import { compileCallMatch } from '../call-match/compile-call-match.ts';

/** `cache.exact` as the gateway needs it. */
export interface ExactCacheScopes {
  enabled: boolean;
  /** Only calls under one of these are cached; undefined: every call. */
  scopes?: readonly TagScope[];
}

/**
 * The scope that opts a call in to the exact cache: its index in `scopes` (-1 when every call
 * is cached), or undefined when the cache does not apply to the call.
 */
export function createCacheScopeFinder(
  settings: ExactCacheScopes,
): (tags: Tags, model: string | undefined) => number | undefined {
  if (!settings.enabled) return () => undefined;
  if (!settings.scopes) return () => -1;
  const matchers = settings.scopes.map(compileCallMatch);
  return (tags, model) => {
    const index = matchers.findIndex((matches) => matches(tags, model));
    return index === -1 ? undefined : index;
  };
}

/** A caller's `Cache-Control: no-cache` or `no-store` asks for a fresh answer, not a stored one. */
export function asksCacheBypass(cacheControl: string | undefined): boolean {
  return cacheControl !== undefined && /\bno-(?:cache|store)\b/i.test(cacheControl);
}
