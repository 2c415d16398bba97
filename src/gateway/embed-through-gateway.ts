import type { Tags } from '../domain/tags.ts';
import { toUnitVector } from '../optimize/index.ts';
import type { HeaderMap } from '../providers/wire-protocol.ts';
import { forwardUpstream } from './forward-upstream.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';
import { meteredCall, newRequestId, type CallOrigin } from './metered-call.ts';
import { spoolCallEvent } from './spool-call-event.ts';
import type { UpstreamResponse } from './send-upstream-request.ts';

/** An embeddings answer is a few tens of KiB; anything past this is not one. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** The free tag that tells the semantic cache's own embedding calls from callers' ones. */
const EMBEDDING_PURPOSE = { purpose: 'semantic-cache' } as const;

/**
 * The conversation's vector, asked of the configured embedding provider the way a caller's
 * call is forwarded and metered: the embedding is its own event, priced, with the tags of the
 * call it serves plus `purpose: semantic-cache`. An embedding that fails or is not back within
 * `timeoutMs` gives undefined — the call is then a miss, never a failure — and is logged once.
 */
export async function embedThroughGateway(
  context: GatewayContext,
  request: {
    text: string;
    tags: Tags;
    origin: CallOrigin;
    /** The caller's headers and the upstream their call goes to: whose credential may be lent. */
    callerHeaders: HeaderMap;
    callUpstream: GatewayUpstream;
  },
): Promise<Float32Array | undefined> {
  const settings = context.optimizer?.semantic?.embedding;
  const upstream = settings && context.upstreams.get(settings.provider);
  const endpoint = upstream?.gateway.embeddings;
  // checkSemanticEmbedding refused a config without these at start.
  const route = endpoint && upstream.gateway.matchPath('POST', endpoint.path);
  if (!settings || !upstream || !endpoint || !route) return undefined;
  const json = endpoint.requestBody(settings.model, [request.text], settings.dimensions);
  const origin: CallOrigin = {
    requestId: newRequestId(),
    timestamp: Date.now(),
    started: performance.now(),
    attempt: 1,
    ...(request.origin.trace ? { trace: request.origin.trace } : {}),
  };
  const attempt = { upstream, requestId: origin.requestId, index: 0, timestamp: origin.timestamp };
  const tags = { ...request.tags, extra: { ...request.tags.extra, ...EMBEDDING_PURPOSE } };
  const call = meteredCall(origin, attempt, route.protocol.readRequest(json, undefined), { tags });
  const miss = (detail: string): undefined => {
    context.optimizer?.warnOnce(
      'semantic-embedding',
      `gateway: semantic cache embeddings from ${upstream.name} failed, calls go upstream as misses (${detail})`,
    );
    return undefined;
  };

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), settings.timeoutMs);
  try {
    const forwarded = await forwardUpstream({
      dispatcher: context.dispatcher,
      upstream,
      path: endpoint.path,
      search: new URLSearchParams(),
      method: 'POST',
      headers: embeddingHeaders(upstream, request.callUpstream, request.callerHeaders),
      body: Buffer.from(JSON.stringify(json)),
      timeoutMs: settings.timeoutMs,
      signal: abort.signal,
    });
    if ('failure' in forwarded) {
      // Our own deadline aborts the request, which the forwarder reads as a caller gone.
      const failure = abort.signal.aborted ? 'upstream-timeout' : forwarded.failure;
      void spoolCallEvent(context, call, { failure }, origin.started);
      return miss(abort.signal.aborted ? `no answer within ${settings.timeoutMs} ms` : failure);
    }
    const { response } = forwarded;
    const answer = await readAnswer(response);
    if ('cut' in answer) {
      const failure = abort.signal.aborted ? 'upstream-timeout' : 'upstream-gone';
      void spoolCallEvent(context, call, { failure }, origin.started);
      return miss(
        abort.signal.aborted ? `no whole answer within ${settings.timeoutMs} ms` : failure,
      );
    }
    const reading =
      'json' in answer
        ? route.protocol.readResponseUsage(answer.json, response.headers)
        : { outputCharacters: 0 };
    void spoolCallEvent(
      context,
      call,
      { httpStatus: response.statusCode, reading },
      origin.started,
    );
    if (response.statusCode >= 300) return miss(`HTTP ${response.statusCode}`);
    const values = 'json' in answer ? endpoint.readVectors(answer.json)?.[0] : undefined;
    const vector = values && toUnitVector(values);
    return vector ?? miss('the answer held no embedding');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * JSON and the credential: the configured key, else the caller's own only when their call goes
 * to this same provider — a caller's key is never sent to a provider it was not meant for.
 */
function embeddingHeaders(
  upstream: GatewayUpstream,
  callUpstream: GatewayUpstream,
  callerHeaders: HeaderMap,
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
  if (upstream.apiKey) return { ...headers, ...upstream.gateway.credentialFor(upstream.apiKey) };
  if (upstream !== callUpstream) return headers;
  for (const name of upstream.gateway.credentialHeaders) {
    const value = callerHeaders[name];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** The parsed answer, an answer that is not JSON (or too large to be one), or a cut one. */
async function readAnswer(
  response: UpstreamResponse,
): Promise<{ json: unknown } | { notJson: true } | { cut: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) return { notJson: true };
      chunks.push(chunk);
    }
  } catch {
    return { cut: true };
  }
  try {
    return { json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { notJson: true };
  }
}
