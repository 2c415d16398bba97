import type { UsageEvent } from '../domain/usage-event.ts';
import type { CachedResponse } from '../optimize/index.ts';

/** The answer a caller just got, as a cache keeps it: its bytes and the call that produced it. */
export interface CapturedAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

export function cachedResponseOf(answer: CapturedAnswer, event: UsageEvent): CachedResponse {
  return {
    status: answer.status,
    ...(answer.contentType ? { contentType: answer.contentType } : {}),
    body: answer.body,
    provider: event.provider,
    model: event.model,
    serviceTier: event.serviceTier,
    tokens: event.tokens,
    timestamp: event.timestamp,
  };
}
