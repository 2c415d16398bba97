import type { ServerResponse } from 'node:http';
import type { CachedResponse } from '../optimize/index.ts';
import { CACHE_HEADER } from './exact-cache-step.ts';
import type { GatewayContext } from './gateway-context.ts';
import { meteredCall, type CallOrigin } from './metered-call.ts';
import type { CallPlan } from './plan-call.ts';
import type { GatewayMeteredRequest } from './prepare-metered-request.ts';
import { spoolCallEvent } from './spool-call-event.ts';

/**
 * Answers from the exact or the semantic cache: the stored bytes (a stream replays as the same
 * stream), then the hit's event — status ok, no tokens billed, the original call's cost as
 * avoidedCost — spooled before the caller's response ends. Nothing is sent upstream. A
 * semantic hit says so in its header and with the free tag `cache: semantic` on its event.
 */
export async function serveCacheHit(
  context: GatewayContext,
  response: ServerResponse,
  origin: CallOrigin,
  plan: CallPlan,
  metered: GatewayMeteredRequest,
  hit: CachedResponse,
  kind: 'exact' | 'semantic' = 'exact',
): Promise<void> {
  replayCachedResponse(response, hit, origin.requestId, kind === 'exact' ? 'hit' : 'semantic-hit');
  const upstream = context.upstreams.get(hit.provider) ?? plan.first.upstream;
  const attempt = { upstream, requestId: origin.requestId, index: 0, timestamp: origin.timestamp };
  const tags =
    kind === 'exact' ? plan.tags : { ...plan.tags, extra: { ...plan.tags.extra, cache: kind } };
  const call = meteredCall(origin, attempt, metered.facts, {
    tags,
    prompt: metered.prompt(),
  });
  // Nothing billed: the event's tokens are zero, and its model the one that made the answer.
  const reading = { model: hit.model, serviceTier: hit.serviceTier, outputCharacters: 0 };
  const avoidedCost = await priceAvoidedCost(context, hit);
  const end = { httpStatus: hit.status, reading, unbilled: true };
  await spoolCallEvent(context, call, end, origin.started, {
    cacheOutcome: 'hit',
    ...(avoidedCost === undefined ? {} : { avoidedCost }),
  });
  response.end();
}

/**
 * What the hit saved: the original call's tokens at its effective price on the day it was
 * made. Undefined without a pricer or for a model the catalog cannot price.
 */
async function priceAvoidedCost(
  context: GatewayContext,
  entry: CachedResponse,
): Promise<number | undefined> {
  const pricer = await context.optimizer?.pricer?.();
  const pricing = pricer?.price({
    provider: entry.provider,
    model: entry.model,
    timestamp: entry.timestamp,
    tokens: entry.tokens,
    serviceTier: entry.serviceTier,
  });
  return pricing?.effective?.total ?? undefined;
}

/** Sends the stored answer — a stream as the same stream — leaving the response open. */
function replayCachedResponse(
  response: ServerResponse,
  entry: CachedResponse,
  requestId: string,
  header: string,
): void {
  response.writeHead(entry.status, {
    ...(entry.contentType ? { 'content-type': entry.contentType } : {}),
    'content-length': entry.body.length,
    'x-tokenops-request-id': requestId,
    [CACHE_HEADER]: header,
  });
  response.write(entry.body);
}
