import type { RecordedCall } from '../../domain/recorded-call.ts';
import { TAG_KEYS } from '../../domain/tags.ts';
import { ZERO_TOKENS } from '../../domain/token-classes.ts';

/** The gateway's default `cache.exact.ttlSeconds`. */
export const DEFAULT_CACHE_TTL_SECONDS = 3600;

/**
 * The calls, in time order, as if the gateway's exact response cache had been on: a call
 * identical to an earlier successful one whose entry is still alive (written less than `ttlMs`
 * before) is answered from the cache and bills nothing; a miss writes an entry, as the gateway
 * does, and a hit does not extend it.
 *
 * The store keeps no hash of the request body, so "identical" is what it does keep: the same
 * prompt fingerprint (system prompt and tool definitions), provider, model, service tier, the
 * six tags the gateway's cache key holds, and exactly the same input and output token counts.
 * Calls without a fingerprint, failed calls and calls that billed no prompt never hit or
 * write. docs/recommendations.md gives the biases of this proxy.
 */
export function createExactCacheReplay(ttlMs: number): (call: RecordedCall) => RecordedCall {
  // Insertion order is write order (an expired entry is deleted before it is written again),
  // so the entries that have expired for this call, and for every later one, lead the map.
  const written = new Map<string, number>();
  return (call) => {
    for (const [key, at] of written) {
      if (at + ttlMs > call.timestamp) break;
      written.delete(key);
    }
    if (call.promptFingerprint === undefined || call.status !== 'ok' || call.tokens.input === 0) {
      return call;
    }
    const key = identity(call);
    if (!written.has(key)) {
      written.set(key, call.timestamp);
      return call;
    }
    // A hit bills nothing, even a call whose source gave its cost.
    return { ...call, tokens: { ...ZERO_TOKENS }, givenCost: undefined };
  };
}

function identity(call: RecordedCall): string {
  return [
    call.promptFingerprint,
    call.provider,
    call.model,
    call.serviceTier,
    ...TAG_KEYS.map((key) => call.tags[key] ?? ''),
    call.tokens.input,
    call.tokens.output,
  ].join('\u0000');
}
