import type { RecordedCall } from '../../src/domain/recorded-call.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';

/** What `Store.callsBetween` must give back for a stored event. */
export function recordedCallOf(event: PricedUsageEvent): RecordedCall {
  const call: RecordedCall = {
    timestamp: event.timestamp,
    provider: event.provider,
    model: event.model,
    serviceTier: event.serviceTier,
    tokens: event.tokens,
    status: event.status,
    attempt: event.attempt,
    tags: event.tags,
    cost: event.pricing.effective?.total ?? null,
  };
  const optional = {
    prompt: event.prompt,
    errorKind: event.errorKind,
    traceId: event.traceId,
    promptFingerprint: event.promptFingerprint,
    timeToFirstTokenMs: event.timeToFirstTokenMs,
    outcome: event.outcome,
    score: event.score,
    givenCost: event.givenCost,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(call, { [key]: value });
  }
  return call;
}
