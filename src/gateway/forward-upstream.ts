import type { Dispatcher } from 'undici';
import type { UpstreamSignal } from './caller-abort.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';
import { sendUpstreamRequest, type UpstreamResponse } from './send-upstream-request.ts';

export type ForwardFailure = 'upstream-timeout' | 'upstream-unreachable' | 'client-gone';

/**
 * Sends the request upstream through the keep-alive dispatcher. The path after the gateway
 * prefix is appended to the configured base URL; with a configured key, a credential the
 * caller put in the query string (Gemini's `?key=`) is dropped too.
 */
export async function forwardUpstream(options: {
  dispatcher: Dispatcher;
  upstream: GatewayUpstream;
  path: string;
  search: URLSearchParams;
  method: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
  timeoutMs: number;
  /** A shorter wait for the answer's headers (a routing rule's timeoutMs); timeoutMs otherwise. */
  headersTimeoutMs?: number;
  signal: UpstreamSignal;
}): Promise<{ response: UpstreamResponse } | { failure: ForwardFailure; detail: string }> {
  const parameter = options.upstream.gateway.credentialQueryParameter;
  const query = upstreamQuery(
    options.search,
    parameter && options.upstream.apiKey ? parameter : undefined,
  );
  try {
    const response = await sendUpstreamRequest(
      options.dispatcher,
      {
        origin: options.upstream.origin,
        path: `${options.upstream.basePath}${options.path}${query}`,
        method: options.method,
        headers: options.headers,
        body: options.body.length > 0 ? options.body : null,
        headersTimeout: options.headersTimeoutMs ?? options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      },
      options.signal,
    );
    return { response };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (options.signal.aborted) return { failure: 'client-gone', detail: 'the caller went away' };
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      const waited =
        code === 'UND_ERR_HEADERS_TIMEOUT'
          ? (options.headersTimeoutMs ?? options.timeoutMs)
          : options.timeoutMs;
      return {
        failure: 'upstream-timeout',
        detail: `${options.upstream.name} sent no answer within ${waited} ms`,
      };
    }
    return {
      failure: 'upstream-unreachable',
      detail: `${options.upstream.name} at ${options.upstream.origin} could not be reached (${typeof code === 'string' ? code : (error as Error).message})`,
    };
  }
}

/** The query string to send, less the dropped parameter; copied only when it must change. */
function upstreamQuery(search: URLSearchParams, dropped: string | undefined): string {
  if (search.size === 0) return '';
  if (dropped === undefined || !search.has(dropped)) return `?${search.toString()}`;
  const kept = new URLSearchParams(search);
  kept.delete(dropped);
  return kept.size > 0 ? `?${kept.toString()}` : '';
}
