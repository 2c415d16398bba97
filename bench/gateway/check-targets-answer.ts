import { BENCH_BODIES, BENCH_HEADERS, BENCH_VARIANTS } from './bench-call.ts';
import { BENCH_TARGET_NAMES, type BenchTarget, type BenchTargetName } from './bench-target.ts';

/**
 * One call of each kind to each target before timing anything: a 200 with a usage block (JSON)
 * or a stream ending in [DONE]. A proxy that answers fast and wrong would otherwise look good.
 */
export async function checkTargetsAnswer(
  targets: Record<BenchTargetName, BenchTarget>,
): Promise<void> {
  for (const name of BENCH_TARGET_NAMES) {
    const target = targets[name];
    for (const variant of BENCH_VARIANTS) {
      const response = await target.pool.request({
        path: target.path,
        method: 'POST',
        headers: BENCH_HEADERS,
        body: BENCH_BODIES[variant],
      });
      const text = await response.body.text();
      const whole = variant === 'json' ? text.includes('"usage"') : text.includes('[DONE]');
      if (response.statusCode !== 200 || !whole) {
        throw new Error(
          `${name} answered a ${variant} call with ${response.statusCode}: ${text.slice(0, 300)}`,
        );
      }
    }
  }
}
