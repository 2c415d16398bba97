import type { Dispatcher } from 'undici';
import type { CpuSnapshot } from './cpu-per-call.ts';

/** direct: the stand-in itself; floor: the bare undici proxy; tokenops: the gateway. */
export type BenchTargetName = 'direct' | 'floor' | 'tokenops';

export const BENCH_TARGET_NAMES: readonly BenchTargetName[] = ['direct', 'floor', 'tokenops'];

export interface BenchTarget {
  name: BenchTargetName;
  /** A keep-alive pool to this target's origin, kept across runs like a real client's. */
  pool: Dispatcher;
  path: string;
  /** CPU used so far by each process on this target's path, this one's load generator too. */
  sampleCpu: () => CpuSnapshot;
}
