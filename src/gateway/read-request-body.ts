import type { IncomingMessage } from 'node:http';

export type RequestBody = { bytes: Buffer } | { tooLarge: true; received: number };

/**
 * Reads the whole body, up to `limit` bytes. Past the limit it stops keeping bytes (but
 * keeps reading, so the answer can still be sent on the same connection) and says so.
 */
export async function readRequestBody(
  request: IncomingMessage,
  limit: number,
): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received <= limit) chunks.push(chunk);
  }
  if (received > limit) return { tooLarge: true, received };
  return { bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks) };
}
