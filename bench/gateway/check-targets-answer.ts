import { BENCH_VARIANTS } from './bench-call.ts';
import { BENCH_TARGET_NAMES, type BenchTarget, type BenchTargetName } from './bench-target.ts';
import { sendCheckCall } from './send-check-call.ts';

/**
 * Two calls of each kind to each target before timing anything (sendCheckCall) — and, through
 * the routed gateway, the model the rule sends calls to and the cache outcome the run is meant
 * to measure (the first call of a hit run fills the cache).
 */
export async function checkTargetsAnswer(
  targets: Record<BenchTargetName, BenchTarget>,
): Promise<void> {
  for (const name of BENCH_TARGET_NAMES) {
    const target = targets[name];
    for (const variant of BENCH_VARIANTS) {
      const body = target.bodies(variant);
      for (let call = 0; call < 2; call += 1) {
        await sendCheckCall(
          target,
          variant,
          body(),
          ({ text, headers }) =>
            !target.expect ||
            (text.includes(`"model":"${target.expect.model}"`) &&
              (call === 0 || headers['x-tokenops-cache'] === target.expect.cache)),
        );
      }
    }
  }
}
