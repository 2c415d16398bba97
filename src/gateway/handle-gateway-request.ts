import type { IncomingMessage, ServerResponse } from 'node:http';
import { attributeCall, checkModelScope } from './attribute-call.ts';
import { readAttempt } from '../providers/metering/read-attempt.ts';
import type { UpstreamMatch } from './find-upstream.ts';
import type { GatewayContext } from './gateway-context.ts';
import { handleMeteredCall } from './handle-metered-call.ts';
import { meteredCall, newRequestId, type CallOrigin } from './metered-call.ts';
import { passThroughUnmetered } from './pass-through-unmetered.ts';
import { readRequestBody } from './read-request-body.ts';
import { readTraceContext } from './read-trace-context.ts';
import { sendGatewayError } from './send-gateway-error.ts';
import { spoolCallEvent } from './spool-call-event.ts';
import { prepareMeteredRequest } from './prepare-metered-request.ts';

/**
 * One gateway call: read the body, attribute it, then meter it (handleMeteredCall) or pass
 * an unmetered path through. Refusals are answered here, before anything is forwarded.
 */
export async function handleGatewayRequest(
  context: GatewayContext,
  match: UpstreamMatch,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const origin: CallOrigin = {
    requestId: newRequestId(),
    timestamp: Date.now(),
    started: performance.now(),
    attempt: readAttempt(single(request.headers['x-stainless-retry-count'])),
  };
  const { upstream } = match;
  const { requestId } = origin;
  if (!upstream.baseUrl) {
    request.resume();
    sendGatewayError(response, 502, requestId, {
      type: 'provider_not_configured',
      message: `${upstream.name} has no endpoint to forward to`,
      fix: `set providers.${upstream.name}.baseUrl in tokenops.yaml`,
    });
    return;
  }
  const route = upstream.gateway.matchPath(request.method ?? 'GET', match.path);
  const body = await readRequestBody(request, context.maxRequestBytes);
  const trace = readTraceContext(request.headers);
  if (trace) origin.trace = trace;

  if ('tooLarge' in body) {
    if (route) {
      const facts = route.protocol.readRequest(undefined, route.pathModel);
      const attempt = { upstream, requestId, index: 0, timestamp: origin.timestamp };
      const call = meteredCall(origin, attempt, facts);
      await spoolCallEvent(context, call, { failure: 'request-too-large' }, origin.started);
    }
    sendGatewayError(response, 413, requestId, {
      type: 'request_too_large',
      message: `the request body is ${body.received} bytes; this gateway takes at most ${context.maxRequestBytes}`,
      fix: 'send a smaller request, or raise gateway.maxRequestBytes in tokenops.yaml',
    });
    return;
  }

  const attribution = attributeCall(context, upstream, request.headers, url.searchParams);
  if ('refusal' in attribution) {
    sendGatewayError(response, attribution.refusal.status, requestId, attribution.refusal);
    return;
  }
  if (!route) {
    const refusal = checkModelScope(attribution, undefined);
    if (refusal) {
      sendGatewayError(response, refusal.status, requestId, refusal);
      return;
    }
    await passThroughUnmetered(context, match, request, response, url, body.bytes, requestId);
    return;
  }
  const metered = prepareMeteredRequest(context, route, body.bytes, attribution.tags);
  if ('refusal' in metered) {
    sendGatewayError(response, metered.refusal.status, requestId, metered.refusal);
    return;
  }
  const outOfScope = checkModelScope(attribution, metered.facts.model);
  if (outOfScope) {
    sendGatewayError(response, outOfScope.status, requestId, outOfScope);
    return;
  }
  const { streams } = context;
  const stream = metered.facts.stream;
  if (stream && streams.max > 0 && streams.open >= streams.max) {
    sendGatewayError(response, 429, requestId, {
      type: 'too_many_streams',
      message: `${streams.open} streams are open through this gateway, its limit`,
      fix: 'retry shortly, or raise limits.concurrentStreams in tokenops.yaml',
    });
    return;
  }
  if (stream) streams.open += 1;
  try {
    await handleMeteredCall(context, {
      match,
      route,
      metered,
      bytes: body.bytes,
      ...(attribution.virtualKey === undefined ? {} : { virtualKey: attribution.virtualKey }),
      origin,
      request,
      response,
      url,
    });
  } finally {
    if (stream) streams.open -= 1;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
