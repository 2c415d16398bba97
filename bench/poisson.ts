import type { SeededRandom } from '../src/demo/seeded-random.ts';

/** A Poisson count (a normal approximation above a mean of 40, where it is close enough). */
export function poisson(random: SeededRandom, mean: number): number {
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random.next(); product > limit; product *= random.next()) count++;
  return count;
}
