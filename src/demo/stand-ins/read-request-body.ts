import type { IncomingMessage } from 'node:http';

/** The whole request body as text; rejects if the client leaves before sending all of it. */
export function readRequestBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
    // After 'end' this rejection is a no-op; before it, it means the client went away.
    request.on('close', () => reject(new Error('request closed before its body ended')));
  });
}
