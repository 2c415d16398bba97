import type { Dispatcher } from 'undici';
import { BENCH_VARIANTS, type BenchVariant } from './bench-call.ts';
import { sendCheckCall } from './send-check-call.ts';
import type { BenchOutcome } from './send-bench-request.ts';

/**
 * Two calls of each kind to each target before anything is timed (sendCheckCall), and through
 * a gateway an `x-tokenops-cache` header (the exact cache is on for every call) and a request
 * id, handed to `seen` like the runs' calls.
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
        const { headers } = await sendCheckCall(
          target,
          variant,
          body(),
          ({ headers: answered }) =>
            !target.gateway ||
            (typeof answered['x-tokenops-request-id'] === 'string' &&
              answered['x-tokenops-cache'] !== undefined),
        );
        const requestId = headers['x-tokenops-request-id'];
        const cache = headers['x-tokenops-cache'];
        seen(target.name, {
          milliseconds: performance.now() - sent,
          ...(typeof requestId === 'string' ? { requestId } : {}),
          ...(typeof cache === 'string' ? { cache } : {}),
        });
      }
    }
  }
}
