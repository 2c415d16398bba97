import { BENCH_VARIANTS } from './bench-call.ts';
import { BENCH_TARGET_NAMES, type BenchTarget, type BenchTargetName } from './bench-target.ts';
import { GATEWAY_BENCH_SETTINGS as SETTINGS } from './gateway-bench-settings.ts';
import { runClosedLoop } from './run-closed-loop.ts';

/**
 * Saturates each target with each kind of call, unmeasured, before any timed run: what is
 * measured is a server in steady state, as a gateway in production runs. A cold process
 * spends its first seconds of load compiling its hot code and growing its heap; measured
 * cold, a gateway's first 500 calls/s run had a p99 of 300 ms where the next three had
 * 11–14 ms (2026-12-02). Every target gets the same warm-up, the stand-in and the bare
 * proxy included. Returns the calls that failed, which a healthy run keeps at zero.
 */
export async function warmUpTargets(
  targets: Record<BenchTargetName, BenchTarget>,
): Promise<number> {
  let failed = 0;
  for (const name of BENCH_TARGET_NAMES) {
    const target = targets[name];
    for (const variant of BENCH_VARIANTS) {
      const run = await runClosedLoop({
        pool: target.pool,
        path: target.path,
        nextBody: target.bodies(variant),
        concurrency: SETTINGS.closed_loop_concurrency,
        warmupMs: 0,
        measureMs: SETTINGS.warm_up_ms,
        sampleCpu: () => ({}),
      });
      failed += run.failed;
    }
  }
  return failed;
}
