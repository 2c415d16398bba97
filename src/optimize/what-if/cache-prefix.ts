import type { RecordedCall } from '../../domain/recorded-call.ts';

/** Providers cache nothing shorter (Anthropic's and OpenAI's minimum for most models). */
export const MIN_CACHEABLE_TOKENS = 1024;
const HOUR_MS = 3_600_000;

/**
 * The call with its stable prefix (system prompt and tool definitions, as the event measured
 * them) behind a cache breakpoint: the first call of a prompt fingerprint on a model in each
 * hour writes the part of the prefix not already cached (an hour is the longest cache life
 * providers sell, so a write an hour is the honest worst case), every later call of that hour
 * reads it. Tokens move from uncached input to cache reads or writes; calls without a
 * fingerprint, a measured prefix or a prompt that bills (failed calls) are unchanged.
 * `written` remembers the (fingerprint, model, hour) keys already written.
 */
export function cachePrefix(event: RecordedCall, written: Set<string>): RecordedCall {
  const { tokens, prompt } = event;
  const prefix = (prompt?.systemPromptTokens ?? 0) + (prompt?.toolDefinitionTokens ?? 0);
  if (event.promptFingerprint === undefined || prefix < MIN_CACHEABLE_TOKENS) return event;
  const uncached = tokens.input - tokens.cacheRead - tokens.cacheWrite;
  const moved = Math.min(uncached, Math.max(0, prefix - tokens.cacheRead - tokens.cacheWrite));
  if (moved <= 0) return event;
  const key = `${event.promptFingerprint}\u0000${event.provider}\u0000${event.model}\u0000${Math.floor(event.timestamp / HOUR_MS)}`;
  if (written.has(key)) {
    return { ...event, tokens: { ...tokens, cacheRead: tokens.cacheRead + moved } };
  }
  written.add(key);
  return { ...event, tokens: { ...tokens, cacheWrite: tokens.cacheWrite + moved } };
}
