import type { TokenCounts } from '../../domain/token-classes.ts';
import type { ServiceTier } from '../../domain/usage-event.ts';

/** An answer the exact cache keeps: the bytes the caller got, and what the original call was. */
export interface CachedResponse {
  status: number;
  contentType?: string;
  body: Buffer;
  /** The call that produced the answer: who served it and its counts, to price what a hit avoids. */
  provider: string;
  model: string;
  serviceTier: ServiceTier;
  tokens: TokenCounts;
  /** When the original call was made (epoch ms). */
  timestamp: number;
}

/**
 * Where cached answers live: this process (an LRU) or Redis (shared by gateway replicas).
 * A shared store may reject while unreachable; the gateway then treats the call as a miss.
 */
export interface ResponseCache {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, entry: CachedResponse, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}
