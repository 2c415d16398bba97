import type { ServerResponse } from 'node:http';
import { TokenopsError, ValidationError } from '../domain/errors/index.ts';

/** The one place errors become HTTP answers: `{ error: { code, message, fix, issues? } }`. */
export function sendError(response: ServerResponse, error: unknown): void {
  // A failure after the answer started (a relayed stream) can only cut the connection.
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof TokenopsError) {
    // The client may still be sending the rest of an oversized body: without a close, the
    // next request it sends on this connection is reset.
    if (error.httpStatus === 413) response.setHeader('connection', 'close');
    sendJson(response, error.httpStatus, {
      error: {
        code: error.code,
        message: error.message,
        fix: error.fix,
        ...(error instanceof ValidationError ? { issues: error.issues } : {}),
      },
    });
    return;
  }
  sendJson(response, 500, {
    error: { code: 'internal', message: 'internal error', fix: 'see the server log' },
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
