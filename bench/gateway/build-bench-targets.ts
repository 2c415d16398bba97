import type { Dispatcher } from 'undici';
import type { BenchTarget, BenchTargetName } from './bench-target.ts';
import { readProcessCpuMs } from './read-process-cpu.ts';
import type { ChildServer } from './start-child.ts';

/**
 * The three ways to the stand-in, each with the processes its calls pass through (for CPU per
 * call). The floor and the gateway share the `/openai/v1/…` path, so only the hop differs.
 */
export function buildBenchTargets(options: {
  standIn: ChildServer;
  floor: ChildServer;
  tokenops: ChildServer;
  openPool: (url: string) => Dispatcher;
}): Record<BenchTargetName, BenchTarget> {
  const { standIn, floor, tokenops, openPool } = options;
  const generatorCpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const path = '/openai/v1/chat/completions';
  return {
    direct: {
      name: 'direct',
      pool: openPool(standIn.url),
      path: '/v1/chat/completions',
      sampleCpu: () => ({
        stand_in: readProcessCpuMs(standIn.pid),
        load_generator: generatorCpuMs(),
      }),
    },
    floor: {
      name: 'floor',
      pool: openPool(floor.url),
      path,
      sampleCpu: () => ({
        bare_proxy: readProcessCpuMs(floor.pid),
        stand_in: readProcessCpuMs(standIn.pid),
        load_generator: generatorCpuMs(),
      }),
    },
    tokenops: {
      name: 'tokenops',
      pool: openPool(tokenops.url),
      path,
      sampleCpu: () => ({
        tokenops: readProcessCpuMs(tokenops.pid),
        stand_in: readProcessCpuMs(standIn.pid),
        load_generator: generatorCpuMs(),
      }),
    },
  };
}
