import type { Dispatcher } from 'undici';
import { ROUTED_MODEL, sameBody, uniqueBodies } from './bench-call.ts';
import type { BenchTarget, BenchTargetName } from './bench-target.ts';
import { readProcessCpuMs } from './read-process-cpu.ts';
import type { ChildServer } from './start-child.ts';

/**
 * The ways to the stand-in, each with the processes its calls pass through (for CPU per call).
 * The floor and the gateways share the `/openai/v1/…` path, so only the hop differs.
 */
export function buildBenchTargets(options: {
  standIn: ChildServer;
  floor: ChildServer;
  tokenops: ChildServer;
  routed: ChildServer;
  openPool: (url: string) => Dispatcher;
}): Record<BenchTargetName, BenchTarget> {
  const { standIn, floor, tokenops, routed, openPool } = options;
  const generatorCpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const path = '/openai/v1/chat/completions';
  const through = (server: ChildServer, name: string) => () => ({
    [name]: readProcessCpuMs(server.pid),
    stand_in: readProcessCpuMs(standIn.pid),
    load_generator: generatorCpuMs(),
  });
  // One pool for both routed runs: a client of one gateway, sending two kinds of traffic.
  const routedPool = openPool(routed.url);
  return {
    direct: {
      name: 'direct',
      pool: openPool(standIn.url),
      path: '/v1/chat/completions',
      bodies: sameBody,
      sampleCpu: () => ({
        stand_in: readProcessCpuMs(standIn.pid),
        load_generator: generatorCpuMs(),
      }),
    },
    floor: {
      name: 'floor',
      pool: openPool(floor.url),
      path,
      bodies: sameBody,
      sampleCpu: through(floor, 'bare_proxy'),
    },
    tokenops: {
      name: 'tokenops',
      pool: openPool(tokenops.url),
      path,
      bodies: sameBody,
      sampleCpu: through(tokenops, 'tokenops'),
    },
    routed_miss: {
      name: 'routed_miss',
      pool: routedPool,
      path,
      bodies: uniqueBodies,
      expect: { cache: 'miss', model: ROUTED_MODEL },
      sampleCpu: through(routed, 'tokenops_routed'),
    },
    routed_hit: {
      name: 'routed_hit',
      pool: routedPool,
      path,
      bodies: sameBody,
      expect: { cache: 'hit', model: ROUTED_MODEL },
      sampleCpu: through(routed, 'tokenops_routed'),
    },
  };
}
