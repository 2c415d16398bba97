import type { IncomingMessage, ServerResponse } from 'node:http';
import { CallerAbort } from './caller-abort.ts';
import type { UpstreamMatch } from './find-upstream.ts';
import { forwardUpstream } from './forward-upstream.ts';
import type { GatewayContext } from './gateway-context.ts';
import { sendGatewayError } from './send-gateway-error.ts';
import { downstreamHeaders, upstreamHeaders } from './upstream-headers.ts';

/**
 * A path no protocol meters (model lists, batches, files…): forwarded and relayed as it is,
 * with no event — there is no usage in it to record.
 */
export async function passThroughUnmetered(
  context: GatewayContext,
  match: UpstreamMatch,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  body: Buffer,
  requestId: string,
): Promise<void> {
  const { upstream } = match;
  const abort = new CallerAbort();
  response.once('close', () => {
    if (!response.writableEnded) abort.abort();
  });
  const forwarded = await forwardUpstream({
    dispatcher: context.dispatcher,
    upstream,
    path: match.path,
    search: url.searchParams,
    method: request.method ?? 'GET',
    headers: upstreamHeaders(request.headers, upstream, false),
    body,
    timeoutMs: context.upstreamTimeoutMs,
    signal: abort,
  });
  if ('failure' in forwarded) {
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
  response.writeHead(forwarded.response.statusCode, {
    ...downstreamHeaders(forwarded.response.headers, false),
    'x-tokenops-request-id': requestId,
  });
  try {
    for await (const chunk of forwarded.response.body) response.write(chunk);
    response.end();
  } catch {
    // Headers are already sent: cutting the connection is how the caller learns the body broke.
    response.destroy();
  }
}
