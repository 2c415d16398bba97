import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CacheOutcome } from '../domain/usage-event.ts';
import type { GatewayRoute } from '../providers/wire-protocol.ts';
import { admitCall } from './admit-call.ts';
import { CallerAbort } from './caller-abort.ts';
import { CACHE_HEADER, decideCache, readCache, writeCache } from './exact-cache-step.ts';
import { serveCacheHit } from './serve-cache-hit.ts';
import {
  cacheOutcomeOf,
  decideSemanticCache,
  lookupSemanticCache,
  writeSemanticCache,
} from './semantic-cache-step.ts';
import type { UpstreamMatch } from './find-upstream.ts';
import { attemptFacts, forwardAttempts } from './forward-attempts.ts';
import type { GatewayContext } from './gateway-context.ts';
import { meteredCall, type CallOrigin } from './metered-call.ts';
import { planCall, type CallPlan } from './plan-call.ts';
import type { GatewayMeteredRequest } from './prepare-metered-request.ts';
import { relayResponse } from './relay-response.ts';
import { sendGatewayError } from './send-gateway-error.ts';
import { spoolCallEvent, type OptimizationNotes } from './spool-call-event.ts';
import { downstreamHeaders } from './upstream-headers.ts';

export interface MeteredCallRequest {
  match: UpstreamMatch;
  route: GatewayRoute;
  metered: GatewayMeteredRequest;
  bytes: Buffer;
  virtualKey?: string;
  origin: CallOrigin;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
}

/**
 * A metered call after attribution: plan (context, caps, routing), answer from the exact cache
 * when it holds the call, else govern, forward with fallbacks, relay while reading usage, spool
 * the event, keep a cacheable answer — and only then end the caller's response.
 */
export async function handleMeteredCall(
  context: GatewayContext,
  input: MeteredCallRequest,
): Promise<void> {
  const { metered, origin, response } = input;
  const method = input.request.method ?? 'POST';
  const plan = planCall(context, input.match, input.route, metered, input.bytes, method);
  const cache = decideCache(context, plan, metered, input.request.headers);
  if (cache?.outcome === 'lookup') {
    const hit = await readCache(context, cache.key);
    if (hit) {
      await serveCacheHit(context, response, origin, plan, metered, hit);
      return;
    }
  }
  // After the exact cache missed: only calls in a semantic scope pay for an embedding.
  const semantic = decideSemanticCache(context, plan, metered, input.request.headers);
  const near =
    semantic?.outcome === 'lookup'
      ? await lookupSemanticCache(context, semantic, plan, origin, input.request.headers)
      : undefined;
  if (near && 'hit' in near) {
    await serveCacheHit(context, response, origin, plan, metered, near.hit, 'semantic');
    return;
  }
  const cacheOutcome = cacheOutcomeOf(cache, semantic);
  const nearVector = near && 'vector' in near ? near.vector : undefined;

  const { facts } = metered;
  const admitted = await admitCall(
    context,
    {
      provider: plan.first.upstream.name,
      facts: attemptFacts(facts, plan.first),
      tags: plan.tags,
      maxOutputTokens: plan.shaped.maxOutputTokens ?? facts.maxOutputTokens,
      keptPromptTokens: plan.shaped.keptPromptTokens,
    },
    input.virtualKey,
  );
  if (admitted && 'refusal' in admitted) {
    sendGatewayError(response, admitted.refusal.status, origin.requestId, admitted.refusal);
    return;
  }
  const permit = admitted?.permit;

  const abort = new CallerAbort();
  let clientGone = false;
  response.once('close', () => {
    if (response.writableEnded) return;
    clientGone = true;
    abort.abort();
  });
  const final = await forwardAttempts({
    context,
    plan,
    origin,
    facts,
    prompt: metered.prompt,
    method,
    search: input.url.searchParams,
    headers: input.request.headers,
    signal: abort,
  });
  const call = meteredCall(origin, final, attemptFacts(facts, final.target), {
    tags: plan.tags,
    prompt: metered.prompt(),
    ...(facts.model === undefined ? {} : { requestedModel: facts.model }),
  });
  const notes = finalNotes(plan, cacheOutcome, final.retryOf);
  const { forwarded } = final;

  if ('failure' in forwarded) {
    const event = await spoolCallEvent(
      context,
      call,
      { failure: forwarded.failure },
      final.started,
      notes,
    );
    void permit?.settle(event);
    if (forwarded.failure === 'client-gone') return;
    const timeout = forwarded.failure === 'upstream-timeout';
    const name = final.upstream.name;
    sendGatewayError(response, timeout ? 504 : 502, final.requestId, {
      type: timeout ? 'upstream_timeout' : 'upstream_unreachable',
      message: forwarded.detail,
      fix: timeout
        ? `retry, or raise gateway.upstreamTimeoutMs${plan.timeoutMs === undefined ? '' : ' or the routing rule’s timeoutMs'} in tokenops.yaml`
        : `check providers.${name}.baseUrl in tokenops.yaml and that the provider is reachable`,
    });
    return;
  }

  const upstreamResponse = forwarded.response;
  const status = upstreamResponse.statusCode;
  const hideUsage = final.target.hideUsageFromCaller;
  const headers = {
    ...downstreamHeaders(upstreamResponse.headers, hideUsage),
    'x-tokenops-request-id': final.requestId,
    ...(cacheOutcome ? { [CACHE_HEADER]: cacheOutcome } : {}),
  };
  const stream = status < 300 && (facts.stream || final.target.route.streamByPath);
  if (stream) response.writeHead(status, headers);
  const storing = status >= 200 && status < 300;
  const outcome = await relayResponse({
    upstream: upstreamResponse,
    response,
    protocol: final.target.route.protocol,
    stream,
    hideUsageFromCaller: hideUsage,
    started: final.started,
    clientGone: () => clientGone,
    ...captureFor(context, [
      storing && cache?.outcome === 'lookup' ? context.optimizer?.cache?.maxEntryBytes : undefined,
      storing && nearVector ? context.optimizer?.semantic?.maxEntryBytes : undefined,
    ]),
  });
  const event = await spoolCallEvent(
    context,
    call,
    {
      httpStatus: status,
      reading: outcome.reading,
      ...(outcome.timeToFirstTokenMs === undefined
        ? {}
        : { timeToFirstTokenMs: outcome.timeToFirstTokenMs }),
      ...(outcome.cut ? { failure: outcome.cut } : {}),
    },
    final.started,
    notes,
  );
  // Only a whole answer the event calls ok is kept: never a cut stream or an error mid-stream.
  if (outcome.captured && event.status === 'ok') {
    const contentType = upstreamResponse.headers['content-type'];
    const answer = {
      status,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      body: outcome.captured,
    };
    if (cache?.outcome === 'lookup') await writeCache(context, cache.key, answer, event);
    if (semantic?.outcome === 'lookup' && nearVector) {
      writeSemanticCache(context, semantic.partition, nearVector, answer, event);
    }
  }
  void context.payloadLog?.write({
    requestId: final.requestId,
    timestamp: event.timestamp,
    provider: event.provider,
    model: event.model,
    status,
    tags: event.tags,
    request: final.target.body,
    response: outcome.captured,
  });
  if (outcome.cut && outcome.cut !== 'client-gone') response.destroy();
  else if (outcome.body && outcome.body.length > 0) {
    response.writeHead(status, { ...headers, 'content-length': String(outcome.body.length) });
    response.end(outcome.body);
  } else {
    if (!stream) response.writeHead(status, headers);
    response.end(outcome.tail);
  }
  void permit?.settle(event);
}

/** How much of the answer to keep: for the caches (whole answers only) and the payload log. */
function captureFor(
  context: GatewayContext,
  cacheLimits: readonly (number | undefined)[],
): { captureLimit?: number } {
  const limits = [...cacheLimits, context.payloadLog?.maxBytes].filter(
    (limit) => limit !== undefined,
  );
  return limits.length > 0 ? { captureLimit: Math.max(...limits) } : {};
}

/** Cache outcome and trimmed tokens go on the attempt that answered: once per caller request. */
function finalNotes(
  plan: CallPlan,
  cacheOutcome: CacheOutcome | undefined,
  retryOf: string | undefined,
): OptimizationNotes {
  return {
    ...(retryOf === undefined ? {} : { retryOf }),
    ...(cacheOutcome ? { cacheOutcome } : {}),
    ...(plan.shaped.trimmedTokens === undefined
      ? {}
      : { trimmedTokens: plan.shaped.trimmedTokens }),
  };
}
