import type { Dispatcher } from 'undici';
import { BENCH_HEADERS } from './bench-call.ts';

export interface BenchOutcome {
  /** From handing the request to the pool to the last byte of the body, ms. */
  milliseconds: number;
  /** The status or error when the call was not a 2xx read to its end; undefined when it was. */
  failure?: string;
  /** The gateway's x-tokenops-request-id and x-tokenops-cache, when it sent them. */
  requestId?: string;
  cache?: string;
}

/** Sends one call and reads the whole body, so a stream counts until its last event. */
export async function sendBenchRequest(
  pool: Dispatcher,
  path: string,
  body: Buffer,
): Promise<BenchOutcome> {
  const sent = performance.now();
  try {
    const response = await pool.request({ path, method: 'POST', headers: BENCH_HEADERS, body });
    let bytes = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) bytes += chunk.length;
    const milliseconds = performance.now() - sent;
    const seen = gatewayHeaders(response.headers);
    if (response.statusCode < 200 || response.statusCode > 299) {
      return { milliseconds, failure: `status ${response.statusCode}`, ...seen };
    }
    // An empty 200 would be a proxy bug timed as a very fast success.
    return bytes > 0 ? { milliseconds, ...seen } : { milliseconds, failure: 'empty body', ...seen };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      milliseconds: performance.now() - sent,
      failure: typeof code === 'string' ? code : (error as Error).message,
    };
  }
}

function gatewayHeaders(
  headers: Dispatcher.ResponseData['headers'],
): Pick<BenchOutcome, 'requestId' | 'cache'> {
  const requestId = headers['x-tokenops-request-id'];
  const cache = headers['x-tokenops-cache'];
  return {
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(typeof cache === 'string' ? { cache } : {}),
  };
}
