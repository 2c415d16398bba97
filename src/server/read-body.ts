import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { TokenopsError, ValidationError } from '../domain/errors/index.ts';

class PayloadTooLargeError extends TokenopsError {
  readonly code = 'payload_too_large';
  readonly httpStatus = 413;
}

/** The request body as text, gunzipped when sent with `Content-Encoding: gzip`, size-capped. */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<string> {
  return (await readBodyBytes(request, limitBytes)).toString('utf8');
}

/** The same as bytes, for binary bodies (OTLP protobuf). */
export async function readBodyBytes(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) {
      request.resume();
      throw new PayloadTooLargeError(
        `the body is larger than ${Math.round(limitBytes / 2 ** 20)} MiB`,
        'send the events in several smaller batches (gzip helps too)',
      );
    }
    chunks.push(buffer);
  }
  const body = Buffer.concat(chunks);
  if ((request.headers['content-encoding'] ?? '').toLowerCase() !== 'gzip') return body;
  try {
    return gunzipSync(body, { maxOutputLength: limitBytes * 8 });
  } catch {
    throw new ValidationError(
      'invalid body',
      [{ field: '(body)', reason: 'is not valid gzip (or unpacks beyond the size limit)' }],
      'gzip the body, or drop the Content-Encoding: gzip header',
    );
  }
}
