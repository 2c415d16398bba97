import type { Dispatcher } from 'undici';
import { BENCH_HEADERS, BENCH_VARIANTS, type BenchVariant } from './bench-call.ts';
import type { BenchOutcome } from './send-bench-request.ts';

/**
 * Two calls of each kind to each target before anything is timed: a 200 with a usage block
 * (JSON) or a stream ending in [DONE], and through a gateway an `x-tokenops-cache` header (the
 * exact cache is on for every call) and a request id, handed to `seen` like the runs' calls.
 */
export async function checkReplicasAnswer(
  targets: readonly { name: string; pool: Dispatcher; path: string; gateway: boolean }[],
  bodies: (variant: BenchVariant) => () => Buffer,
  seen: (name: string, outcome: BenchOutcome) => void,
): Promise<void> {
  for (const target of targets) {
    for (const variant of BENCH_VARIANTS) {
      const body = bodies(variant);
      for (let call = 0; call < 2; call += 1) {
        const sent = performance.now();
        const response = await target.pool.request({
          path: target.path,
          method: 'POST',
          headers: BENCH_HEADERS,
          body: body(),
        });
        const text = await response.body.text();
        const whole = variant === 'json' ? text.includes('"usage"') : text.includes('[DONE]');
        const requestId = response.headers['x-tokenops-request-id'];
        const cache = response.headers['x-tokenops-cache'];
        const metered = !target.gateway || (typeof requestId === 'string' && cache !== undefined);
        if (response.statusCode !== 200 || !whole || !metered) {
          throw new Error(
            `${target.name} answered a ${variant} call with ${response.statusCode} (cache ${String(cache)}): ${text.slice(0, 300)}`,
          );
        }
        seen(target.name, {
          milliseconds: performance.now() - sent,
          ...(typeof requestId === 'string' ? { requestId } : {}),
          ...(typeof cache === 'string' ? { cache } : {}),
        });
      }
    }
  }
}
