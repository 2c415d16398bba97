import type { Dispatcher } from 'undici';
import type { BenchVariant } from './bench-call.ts';
import type { CpuSnapshot } from './cpu-per-call.ts';

/**
 * direct: the stand-in itself; floor: the bare undici proxy; tokenops: the gateway; routed_miss
 * and routed_hit: a second gateway with a matching routing rule and the exact cache on, sent
 * calls that always miss the cache, then the same call over and over (every one a hit).
 */
export type BenchTargetName = 'direct' | 'floor' | 'tokenops' | 'routed_miss' | 'routed_hit';

export const BENCH_TARGET_NAMES: readonly BenchTargetName[] = [
  'direct',
  'floor',
  'tokenops',
  'routed_miss',
  'routed_hit',
];

export interface BenchTarget {
  name: BenchTargetName;
  /** A keep-alive pool to this target's origin, kept across runs like a real client's. */
  pool: Dispatcher;
  path: string;
  /** The body source of a run of this kind of call. */
  bodies: (variant: BenchVariant) => () => Buffer;
  /** What the routed gateway must answer with: `x-tokenops-cache` and the model it was sent to. */
  expect?: { cache: 'miss' | 'hit'; model: string };
  /** CPU used so far by each process on this target's path, this one's load generator too. */
  sampleCpu: () => CpuSnapshot;
}
