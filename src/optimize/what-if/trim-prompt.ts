import type { TokenCounts } from '../../domain/token-classes.ts';
import type { RecordedCall } from '../../domain/recorded-call.ts';

type Part = 'uncached' | 'cacheRead' | 'cacheWrite5m' | 'cacheWrite1h';

/**
 * Where removed prompt tokens come from. `tail` (a context cap dropping older turns) takes
 * uncached tokens first and keeps the cached prefix when it can. `prefix` (a shorter system
 * prompt, which opens every prompt) takes them where a prefix is cached: a one-hour write (a
 * system prompt behind its own breakpoint), then cache reads, then five-minute writes, then
 * uncached tokens.
 */
const ORDER: Record<'tail' | 'prefix', readonly Part[]> = {
  tail: ['uncached', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h'],
  prefix: ['cacheWrite1h', 'cacheRead', 'cacheWrite5m', 'uncached'],
};

/** The call with `remove` prompt tokens fewer (at most its whole prompt). */
export function trimPrompt(
  event: RecordedCall,
  remove: number,
  from: 'tail' | 'prefix',
): RecordedCall {
  const { tokens } = event;
  let left = Math.min(remove, tokens.input);
  if (left <= 0) return event;
  const parts: Record<Part, number> = {
    uncached: tokens.input - tokens.cacheRead - tokens.cacheWrite,
    cacheRead: tokens.cacheRead,
    cacheWrite5m: tokens.cacheWrite - tokens.cacheWrite1h,
    cacheWrite1h: tokens.cacheWrite1h,
  };
  for (const part of ORDER[from]) {
    const taken = Math.min(left, parts[part]);
    parts[part] -= taken;
    left -= taken;
  }
  const trimmed: TokenCounts = {
    ...tokens,
    input: parts.uncached + parts.cacheRead + parts.cacheWrite5m + parts.cacheWrite1h,
    cacheRead: parts.cacheRead,
    cacheWrite: parts.cacheWrite5m + parts.cacheWrite1h,
    cacheWrite1h: parts.cacheWrite1h,
  };
  return { ...event, tokens: trimmed };
}
