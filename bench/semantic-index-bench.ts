/**
 * The semantic cache's lookup cost (docs/decisions/2026-12-01-semantic-cache-index.md): one
 * partition holding every entry — the worst case — scanned for the nearest of random unit
 * vectors. `node --import tsx bench/semantic-index-bench.ts` prints milliseconds per lookup.
 */
import { createSemanticIndex } from '../src/optimize/caches/semantic-index.ts';
import { toUnitVector } from '../src/optimize/caches/unit-vector.ts';

function randomUnitVector(dimensions: number): Float32Array {
  return toUnitVector(Array.from({ length: dimensions }, () => Math.random() - 0.5))!;
}

/** Median and 95th percentile of `rounds` timed runs, after a warm-up. */
function time(rounds: number, run: () => void): { median: number; p95: number } {
  for (let warm = 0; warm < 5; warm += 1) run();
  const took: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    run();
    took.push(performance.now() - started);
  }
  took.sort((left, right) => left - right);
  const at = (fraction: number) => Number(took[Math.floor(fraction * (rounds - 1))]!.toFixed(3));
  return { median: at(0.5), p95: at(0.95) };
}

/** The plain loop the index does not use, for comparison: one running sum. */
function naiveNearest(vectors: readonly Float32Array[], query: Float32Array): number {
  let best = -2;
  for (const vector of vectors) {
    let sum = 0;
    for (let index = 0; index < vector.length; index += 1) sum += vector[index]! * query[index]!;
    best = Math.max(best, sum);
  }
  return best;
}

const rows: Record<string, unknown>[] = [];
for (const [entries, dimensions] of [
  [1_000, 1536],
  [10_000, 1536],
  [10_000, 256],
] as const) {
  const index = createSemanticIndex<number>({ maxEntries: entries });
  const vectors = Array.from({ length: entries }, () => randomUnitVector(dimensions));
  const adding = performance.now();
  vectors.forEach((vector, at) => index.add('one partition', vector, at, 3_600_000));
  const addMs = (performance.now() - adding) / entries;
  const query = randomUnitVector(dimensions);
  rows.push({
    entries,
    dimensions,
    vector_mib: Number(((entries * dimensions * 4) / 2 ** 20).toFixed(1)),
    add_ms: Number(addMs.toFixed(4)),
    lookup_ms: time(30, () => index.nearest('one partition', query, 0.95)),
    one_sum_loop_ms: time(30, () => naiveNearest(vectors, query)),
  });
}
console.log(JSON.stringify({ node: process.version, rows }, null, 2));
