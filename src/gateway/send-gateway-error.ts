import type { ServerResponse } from 'node:http';
import type { GatewayRefusal } from './gateway-refusal.ts';

/**
 * A refusal or failure of the gateway itself, in the `{ error: { type, message } }` shape the
 * OpenAI and Anthropic clients both surface, with a `fix` that says what to do.
 */
export function sendGatewayError(
  response: ServerResponse,
  status: number,
  requestId: string,
  error: Omit<GatewayRefusal, 'status'>,
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const { retryAfterSeconds, details, ...named } = error;
  const body = JSON.stringify({
    type: 'error',
    error: { ...named, code: named.type, ...(details ?? {}) },
  });
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-tokenops-request-id': requestId,
    ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
  });
  response.end(body);
}
