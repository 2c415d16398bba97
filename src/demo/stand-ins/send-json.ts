import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Sends a JSON body with its length, so keep-alive connections are reused. `breakMidway`
 * (broken-stream on a non-streaming call) sends the headers and half the body, then destroys
 * the socket: the client sees a body shorter than its content-length.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
  breakMidway = false,
): void {
  const bytes = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': bytes.length,
    ...headers,
  });
  if (breakMidway) {
    response.write(bytes.subarray(0, bytes.length >> 1), () => response.destroy());
    return;
  }
  response.end(bytes);
}
