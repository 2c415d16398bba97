import type { Dispatcher } from 'undici';
import { BENCH_HEADERS, type BenchVariant } from './bench-call.ts';

export interface CheckedCall {
  text: string;
  headers: Dispatcher.ResponseData['headers'];
}

/**
 * One call made before anything is timed: it must answer 200 with a whole answer (a usage
 * block for JSON, a stream ending in [DONE]) and pass `accept`, or the bench stops, naming the
 * target, so a proxy that answers fast and wrong never gets timed.
 */
export async function sendCheckCall(
  target: { name: string; pool: Dispatcher; path: string },
  variant: BenchVariant,
  body: Buffer,
  accept: (call: CheckedCall) => boolean = () => true,
): Promise<CheckedCall> {
  const response = await target.pool.request({
    path: target.path,
    method: 'POST',
    headers: BENCH_HEADERS,
    body,
  });
  const call = { text: await response.body.text(), headers: response.headers };
  const whole = variant === 'json' ? call.text.includes('"usage"') : call.text.includes('[DONE]');
  if (response.statusCode !== 200 || !whole || !accept(call)) {
    const cache = String(call.headers['x-tokenops-cache']);
    throw new Error(
      `${target.name} answered a ${variant} call with ${response.statusCode} (cache ${cache}): ${call.text.slice(0, 300)}`,
    );
  }
  return call;
}
