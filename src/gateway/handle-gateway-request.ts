import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRoute } from '../providers/wire-protocol.ts';
import { attributeCall } from './attribute-call.ts';
import {
  buildCallEvent,
  type MeteredCall,
  type MeteredCallEnd,
} from '../providers/metering/build-call-event.ts';
import { readAttempt } from '../providers/metering/read-attempt.ts';
import type { UpstreamMatch } from './find-upstream.ts';
import { forwardUpstream } from './forward-upstream.ts';
import type { GatewayContext } from './gateway-context.ts';
import { readRequestBody } from './read-request-body.ts';
import { readTraceContext } from './read-trace-context.ts';
import { relayResponse } from './relay-response.ts';
import { sendGatewayError } from './send-gateway-error.ts';
import { downstreamHeaders, upstreamHeaders } from './upstream-headers.ts';
import { prepareMeteredRequest } from './prepare-metered-request.ts';
import { admitCall } from './admit-call.ts';
import type { UsageEvent } from '../domain/usage-event.ts';

/**
 * One gateway call: read the body, attribute, forward, relay the answer while reading usage,
 * spool the event, and only then end the caller's response — so an answer the caller saw
 * complete always has its event on disk.
 */
export async function handleGatewayRequest(
  context: GatewayContext,
  match: UpstreamMatch,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const started = performance.now();
  const timestamp = Date.now();
  const requestId = `req_${randomUUID().replaceAll('-', '')}`;
  const { upstream } = match;
  const method = request.method ?? 'GET';
  if (!upstream.baseUrl) {
    request.resume();
    sendGatewayError(response, 502, requestId, {
      type: 'provider_not_configured',
      message: `${upstream.name} has no endpoint to forward to`,
      fix: `set providers.${upstream.name}.baseUrl in tokenops.yaml`,
    });
    return;
  }
  const route = upstream.gateway.matchPath(method, match.path);
  const body = await readRequestBody(request, context.maxRequestBytes);
  const trace = readTraceContext(request.headers);
  const call = (facts: MeteredCall['facts']): MeteredCall => ({
    source: 'gateway',
    id: randomUUID(),
    requestId,
    timestamp,
    provider: upstream.name,
    adapter: upstream.adapter,
    facts,
    tags: {},
    attempt: readAttempt(single(request.headers['x-stainless-retry-count'])),
    spanId: randomBytes(8).toString('hex'),
    ...(trace ? { trace } : {}),
  });

  if ('tooLarge' in body) {
    if (route) {
      const tooLarge = call(route.protocol.readRequest(undefined, route.pathModel));
      await spool(context, tooLarge, { failure: 'request-too-large' }, started);
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
  const metered = route
    ? prepareMeteredRequest(context, route, body.bytes, attribution.tags)
    : undefined;
  if (metered && 'refusal' in metered) {
    sendGatewayError(response, metered.refusal.status, requestId, metered.refusal);
    return;
  }
  const admitted = metered
    ? await admitCall(context, upstream.name, metered, attribution.virtualKey)
    : undefined;
  if (admitted && 'refusal' in admitted) {
    sendGatewayError(response, admitted.refusal.status, requestId, admitted.refusal);
    return;
  }
  const permit = admitted?.permit;

  const abort = new AbortController();
  let clientGone = false;
  response.once('close', () => {
    if (response.writableEnded) return;
    clientGone = true;
    abort.abort();
  });
  const forwarded = await forwardUpstream({
    dispatcher: context.dispatcher,
    upstream,
    path: match.path,
    search: url.searchParams,
    method,
    headers: upstreamHeaders(request.headers, upstream, route !== undefined),
    body: metered?.body ?? body.bytes,
    timeoutMs: context.upstreamTimeoutMs,
    signal: abort.signal,
  });
  const thisCall = metered && {
    ...call(metered.facts),
    tags: metered.tags,
    prompt: metered.prompt,
  };

  if ('failure' in forwarded) {
    const event = thisCall
      ? await spool(context, thisCall, { failure: forwarded.failure }, started)
      : undefined;
    void permit?.settle(event);
    if (forwarded.failure === 'client-gone') return;
    const timeout = forwarded.failure === 'upstream-timeout';
    sendGatewayError(response, timeout ? 504 : 502, requestId, {
      type: timeout ? 'upstream_timeout' : 'upstream_unreachable',
      message: forwarded.detail,
      fix: timeout
        ? 'retry, or raise gateway.upstreamTimeoutMs in tokenops.yaml'
        : `check providers.${upstream.name}.baseUrl in tokenops.yaml and that the provider is reachable`,
    });
    return;
  }

  const upstreamResponse = forwarded.response;
  const hideUsage = metered?.hideUsageFromCaller ?? false;
  response.writeHead(upstreamResponse.statusCode, {
    ...downstreamHeaders(upstreamResponse.headers, hideUsage),
    'x-tokenops-request-id': requestId,
  });
  if (!metered || !thisCall || !route) {
    await relayUnmetered(upstreamResponse.body, response);
    void permit?.settle(undefined);
    return;
  }
  const outcome = await relayResponse({
    upstream: upstreamResponse,
    response,
    protocol: route.protocol,
    stream: isStream(route, metered.facts.stream, upstreamResponse.statusCode),
    hideUsageFromCaller: hideUsage,
    started,
    clientGone: () => clientGone,
  });
  const event = await spool(
    context,
    thisCall,
    {
      httpStatus: upstreamResponse.statusCode,
      reading: outcome.reading,
      ...(outcome.timeToFirstTokenMs === undefined
        ? {}
        : { timeToFirstTokenMs: outcome.timeToFirstTokenMs }),
      ...(outcome.cut ? { failure: outcome.cut } : {}),
    },
    started,
  );
  if (outcome.cut && outcome.cut !== 'client-gone') response.destroy();
  else response.end();
  void permit?.settle(event);
}

type CallEndParts = Partial<Omit<MeteredCallEnd, 'latencyMs' | 'estimateInputTokens'>>;

async function spool(
  context: GatewayContext,
  call: MeteredCall,
  end: CallEndParts,
  started: number,
): Promise<UsageEvent> {
  const event = buildCallEvent(call, {
    reading: { outputCharacters: 0 },
    ...end,
    latencyMs: performance.now() - started,
    estimateInputTokens: () => context.countTokens(call.facts.promptText()),
  });
  try {
    await context.record(event);
  } catch (error) {
    // The caller still gets their answer; the loss is logged loudly rather than failing them.
    context.log(`gateway: could not spool event ${event.id}: ${String(error)}`);
  }
  return event;
}

function isStream(route: GatewayRoute, asked: boolean, status: number): boolean {
  return status < 300 && (asked || route.streamByPath);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function relayUnmetered(
  body: AsyncIterable<Buffer>,
  response: ServerResponse,
): Promise<void> {
  try {
    for await (const chunk of body) response.write(chunk);
    response.end();
  } catch {
    // Headers are already sent: cutting the connection is how the caller learns the body broke.
    response.destroy();
  }
}
