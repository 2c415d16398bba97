import { BENCH_VARIANTS, type BenchVariant } from './bench-call.ts';

/** Failed calls of one run: how many, and how many of each kind (a status or an error code). */
export interface FailureTally {
  failed: number;
  kinds: Record<string, number>;
}

export function createFailureTally(): FailureTally {
  return { failed: 0, kinds: {} };
}

export function tallyFailure(tally: FailureTally, failure: string, count = 1): void {
  tally.failed += count;
  tally.kinds[failure] = (tally.kinds[failure] ?? 0) + count;
}

/** The failures of several runs, as one tally. */
export function mergeFailures(tallies: readonly FailureTally[]): FailureTally {
  const merged = createFailureTally();
  for (const tally of tallies) {
    for (const [kind, count] of Object.entries(tally.kinds)) tallyFailure(merged, kind, count);
  }
  return merged;
}

/** The runs of one variant, by loop and target. */
interface VariantRuns<Name extends string> {
  latency_at_fixed_rate: Record<Name, FailureTally>;
  saturated_throughput: Record<Name, FailureTally>;
}

/** Every failed call of every run, by variant, loop and target, for the results file. */
export function countFailures<Name extends string>(
  figures: Record<BenchVariant, VariantRuns<Name>>,
  names: readonly Name[],
): { total: number; runs_with_failures: string[] } {
  let total = 0;
  const runs: string[] = [];
  for (const variant of BENCH_VARIANTS) {
    for (const name of names) {
      const loops = {
        fixed_rate: figures[variant].latency_at_fixed_rate[name],
        saturated: figures[variant].saturated_throughput[name],
      };
      for (const [loop, run] of Object.entries(loops)) {
        total += run.failed;
        if (run.failed > 0) runs.push(`${variant} ${loop} ${name}: ${JSON.stringify(run.kinds)}`);
      }
    }
  }
  return { total, runs_with_failures: runs };
}
