import type { IncomingMessage } from 'node:http';
import type { RecordedRequest } from './stand-in-options.ts';

/** Enough for any assertion, small enough that a benchmark's recording stays bounded. */
export const RECORDED_REQUEST_LIMIT = 1000;

/** Appends the request to `requests`, dropping the oldest beyond the limit. */
export function recordRequest(
  requests: RecordedRequest[],
  request: IncomingMessage,
  body: string,
): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', headers, body });
  if (requests.length > RECORDED_REQUEST_LIMIT) requests.shift();
}
