import type { ServerResponse } from 'node:http';

/**
 * A refusal or failure of the gateway itself, in the `{ error: { type, message } }` shape the
 * OpenAI and Anthropic clients both surface, with a `fix` that says what to do.
 */
export function sendGatewayError(
  response: ServerResponse,
  status: number,
  requestId: string,
  error: { type: string; message: string; fix: string },
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({ type: 'error', error: { ...error, code: error.type } });
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-tokenops-request-id': requestId,
  });
  response.end(body);
}
