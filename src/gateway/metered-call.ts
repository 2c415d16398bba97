import { randomUUID } from 'node:crypto';
import type { Tags } from '../domain/tags.ts';
import type { MeteredCall } from '../providers/metering/build-call-event.ts';
import type { PromptMeasure } from '../providers/metering/measure-prompt.ts';
import type { RequestFacts } from '../providers/wire-protocol.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';
import { randomSpanId } from './random-span-id.ts';

/** What every attempt of one caller request shares. */
export interface CallOrigin {
  /** The first attempt's request id. */
  requestId: string;
  /** Epoch ms and performance.now() when the request arrived. */
  timestamp: number;
  started: number;
  /** The caller's own attempt number (its SDK's retries), 1 for a first try. */
  attempt: number;
  trace?: { traceId: string; parentSpanId: string };
}

/** One try at an upstream: the first, or a fallback after it. */
export interface CallAttempt {
  upstream: GatewayUpstream;
  requestId: string;
  /** 0 for the first attempt, 1 for the first fallback… */
  index: number;
  timestamp: number;
}

export function newRequestId(): string {
  return `req_${randomUUID().replaceAll('-', '')}`;
}

/** The metered call of one attempt; each gets its own event id and span. */
export function meteredCall(
  origin: CallOrigin,
  attempt: CallAttempt,
  facts: RequestFacts,
  parts: { tags: Tags; prompt?: PromptMeasure | undefined; requestedModel?: string } = { tags: {} },
): MeteredCall {
  return {
    source: 'gateway',
    id: randomUUID(),
    requestId: attempt.requestId,
    timestamp: attempt.timestamp,
    provider: attempt.upstream.name,
    adapter: attempt.upstream.adapter,
    facts,
    tags: parts.tags,
    attempt: origin.attempt + attempt.index,
    spanId: randomSpanId(),
    ...(origin.trace ? { trace: origin.trace } : {}),
    ...(parts.prompt ? { prompt: parts.prompt } : {}),
    ...(parts.requestedModel === undefined ? {} : { requestedModel: parts.requestedModel }),
  };
}
