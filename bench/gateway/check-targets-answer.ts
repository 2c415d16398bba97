import { BENCH_HEADERS, BENCH_VARIANTS } from './bench-call.ts';
import { BENCH_TARGET_NAMES, type BenchTarget, type BenchTargetName } from './bench-target.ts';

/**
 * Two calls of each kind to each target before timing anything: a 200 with a usage block
 * (JSON) or a stream ending in [DONE] — and, through the routed gateway, the model the rule
 * sends calls to and the cache outcome the run is meant to measure (the first call of a hit
 * run fills the cache). A proxy that answers fast and wrong would otherwise look good.
 */
export async function checkTargetsAnswer(
  targets: Record<BenchTargetName, BenchTarget>,
): Promise<void> {
  for (const name of BENCH_TARGET_NAMES) {
    const target = targets[name];
    for (const variant of BENCH_VARIANTS) {
      const body = target.bodies(variant);
      for (let call = 0; call < 2; call += 1) {
        const response = await target.pool.request({
          path: target.path,
          method: 'POST',
          headers: BENCH_HEADERS,
          body: body(),
        });
        const text = await response.body.text();
        const whole = variant === 'json' ? text.includes('"usage"') : text.includes('[DONE]');
        const cache = response.headers['x-tokenops-cache'];
        const routed =
          !target.expect ||
          (text.includes(`"model":"${target.expect.model}"`) &&
            (call === 0 || cache === target.expect.cache));
        if (response.statusCode !== 200 || !whole || !routed) {
          throw new Error(
            `${name} answered a ${variant} call with ${response.statusCode} (cache ${String(cache)}): ${text.slice(0, 300)}`,
          );
        }
      }
    }
  }
}
