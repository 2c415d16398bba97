/**
 * `npm run bench:gateway-replicas`: gateway throughput with two `tokenops start` replicas of one
 * tokenops.yaml, sharing Redis and a ClickHouse store, against one gateway of the same config,
 * in one run. Every call uses the shared state: a hard budget and a tokens-per-minute limit
 * (reserved and settled in Redis, never refusing) and the exact cache in Redis (one call in ten
 * repeats a body; the rest miss). The load generator spreads calls over the replicas round
 * robin, as a load balancer would. For JSON and streamed calls: latency at a fixed moderate
 * rate (open loop), saturated throughput (closed loop), each gateway's resident memory, and the
 * direct-to-stand-in floor. After the runs, every completed call's event must be in ClickHouse
 * exactly once (by request id). On a 2-core machine shared by the load generator, the stand-in,
 * the gateways, Redis and ClickHouse, a second replica cannot double throughput: the results
 * file records the core count beside the figures.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'undici';
import { openBenchPool } from './gateway/open-bench-pool.ts';
import { startClickHouseServer, type ClickHouseServer } from '../test/helpers/clickhouse-server.ts';
import { tallyStoredRequests } from '../test/helpers/tally-stored-requests.ts';
import { BENCH_VARIANTS, type BenchVariant } from './gateway/bench-call.ts';
import { checkReplicasAnswer } from './gateway/check-replicas-answer.ts';
import { clearLedgerKeys } from './gateway/clear-ledger-keys.ts';
import { countClickHouseInserts } from './gateway/count-clickhouse-inserts.ts';
import { describeMachine } from './gateway/describe-machine.ts';
import { countFailures } from './gateway/failure-tally.ts';
import { findProcess } from './gateway/find-process.ts';
import { formatReplicasTable, type GatewayMemory } from './gateway/format-replicas-table.ts';
import {
  measureReplicasVariant,
  REPLICAS_TARGET_NAMES,
  type ReplicasTarget,
  type ReplicasTargetName,
  type ReplicasVariantFigures,
} from './gateway/measure-replicas-variant.ts';
import { readProcessCpuMs } from './gateway/read-process-cpu.ts';
import { readProcessMemory } from './gateway/read-process-memory.ts';
import { mixedBodies } from './gateway/replica-bodies.ts';
import { REPLICAS_BENCH_SETTINGS as SETTINGS } from './gateway/replicas-bench-settings.ts';
import { replicasConfig } from './gateway/replicas-config.ts';
import { RoundRobinDispatcher } from './gateway/round-robin-dispatcher.ts';
import type { BenchOutcome } from './gateway/send-bench-request.ts';
import { startChild, type ChildServer } from './gateway/start-child.ts';
import { startTokenops } from './gateway/start-tokenops.ts';
import { waitUntilStored } from './gateway/wait-until-stored.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const here = import.meta.dirname;
const workDirectory = join(here, 'tmp', `gateway-replicas-${process.pid}`);
const runId = `${Date.now().toString(36)}-${process.pid}`;
const children: ChildServer[] = [];
const pools: Pool[] = [];
let clickHouse: ClickHouseServer | undefined;
let ledgerKeys: string[] = [];
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function openPool(url: string): Pool {
  const pool = openBenchPool(url, SETTINGS.closed_loop_concurrency);
  pools.push(pool);
  return pool;
}

async function main(): Promise<void> {
  const started = performance.now();
  mkdirSync(join(workDirectory, 'clickhouse'), { recursive: true });
  clickHouse = await startClickHouseServer(join(workDirectory, 'clickhouse'));
  const storeUrl = clickHouse.url('replicas_bench');
  const standIn = await startChild({
    name: 'stand-in',
    args: ['--import', 'tsx', join(here, 'gateway', 'stand-in-process.ts')],
  });
  children.push(standIn);
  const config = replicasConfig({ storeUrl, redisUrl: REDIS_URL, runId });
  ledgerKeys = [`budget:${config.budget}:*`, `rate:${config.policy}:*`];
  // One after another: each writes the same tokenops.yaml its predecessor may be reading.
  const gateway = async (name: string) => {
    const child = await startTokenops({
      standInUrl: standIn.url,
      workDirectory,
      extraConfig: config.yaml,
      dataDirectory: join(workDirectory, name),
      name,
    });
    children.push(child);
    return child;
  };
  const one = await gateway('one-gateway');
  const replicaA = await gateway('replica-a');
  const replicaB = await gateway('replica-b');
  log(
    `clickhouse-server ${clickHouse.version} at ${storeUrl}, stand-in ${standIn.url}, one gateway ${one.url}, replicas ${replicaA.url} ${replicaB.url}`,
  );

  const clickHousePid = findProcess(join(workDirectory, 'clickhouse', 'config.xml'));
  const redisPid = findProcess('redis-server');
  const generatorCpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const shared = () => ({
    stand_in: readProcessCpuMs(standIn.pid),
    redis: redisPid === undefined ? NaN : readProcessCpuMs(redisPid),
    clickhouse: clickHousePid === undefined ? NaN : readProcessCpuMs(clickHousePid),
    load_generator: generatorCpuMs(),
  });
  const balancer = new RoundRobinDispatcher([openPool(replicaA.url), openPool(replicaB.url)]);
  const path = '/openai/v1/chat/completions';
  const targets: Record<ReplicasTargetName, ReplicasTarget> = {
    direct: {
      name: 'direct',
      pool: openPool(standIn.url),
      path: '/v1/chat/completions',
      sampleCpu: () => ({
        stand_in: readProcessCpuMs(standIn.pid),
        load_generator: generatorCpuMs(),
      }),
    },
    one_gateway: {
      name: 'one_gateway',
      pool: openPool(one.url),
      path,
      sampleCpu: () => ({ tokenops: readProcessCpuMs(one.pid), ...shared() }),
    },
    two_replicas: {
      name: 'two_replicas',
      pool: balancer,
      path,
      sampleCpu: () => ({
        tokenops_a: readProcessCpuMs(replicaA.pid),
        tokenops_b: readProcessCpuMs(replicaB.pid),
        ...shared(),
      }),
    },
  };

  // Every call through a gateway that came back whole: the ids ClickHouse must hold once each.
  const completed = new Set<string>();
  const cache: Record<string, Record<string, number>> = { one_gateway: {}, two_replicas: {} };
  let lastCallEnded = 0;
  const seen = (name: string, outcome: BenchOutcome): void => {
    if (name === 'direct') return;
    lastCallEnded = performance.now();
    if (outcome.failure === undefined && outcome.requestId) completed.add(outcome.requestId);
    const outcomes = cache[name] ?? {};
    const kind = outcome.failure === undefined ? (outcome.cache ?? 'none') : 'failed';
    outcomes[kind] = (outcomes[kind] ?? 0) + 1;
  };
  const bodies = mixedBodies(runId, SETTINGS.repeat_every);
  await checkReplicasAnswer(
    REPLICAS_TARGET_NAMES.map((name) => ({ ...targets[name], gateway: name !== 'direct' })),
    bodies,
    seen,
  );
  const gateways = { one_gateway: one, replica_a: replicaA, replica_b: replicaB };
  const atStart = Object.fromEntries(
    Object.entries(gateways).map(([name, child]) => [name, readProcessMemory(child.pid) ?? null]),
  );

  const figures = {} as Record<BenchVariant, ReplicasVariantFigures>;
  for (const variant of BENCH_VARIANTS) {
    figures[variant] = await measureReplicasVariant(variant, targets, bodies, seen, log);
  }
  const memory: Record<string, GatewayMemory> = Object.fromEntries(
    Object.entries(gateways).map(([name, child]) => [
      name,
      { at_start: atStart[name] ?? null, after_runs: readProcessMemory(child.pid) ?? null },
    ]),
  );

  const storedWithinMs = await waitUntilStored({
    storeUrl,
    completed,
    lastCallEnded,
    withinMs: SETTINGS.stored_within_ms,
  });
  // Stopped, each gateway moves what its spool still holds into ClickHouse: the final count.
  await Promise.all(Object.values(gateways).map((child) => child.stop()));
  const stored = await tallyStoredRequests(storeUrl, completed);
  log(`stored: ${JSON.stringify(stored)}`);
  const inserts = await countClickHouseInserts(storeUrl);

  const machine = describeMachine();
  const failures = countFailures(figures, REPLICAS_TARGET_NAMES);
  const result = {
    date: new Date().toISOString(),
    machine,
    cores_note: `${String(machine.cores)} cores run the load generator, the stand-in, every gateway, Redis and ClickHouse: a second replica adds a process, not a core, so it cannot double throughput here; the figure shows what sharing state across replicas costs, not how replicas scale on their own cores`,
    settings: {
      ...SETTINGS,
      call: 'POST /v1/chat/completions, gpt-4o-mini, 2 short messages, x-tokenops-team: bench',
      stand_in: 'openai stand-in, no added latency, 3 stream chunks, own process',
      gateways: `tokenops start, each its own process and data directory, one tokenops.yaml: providers.openai at the stand-in, then ${config.yaml.replaceAll('\n', ' ')}`,
      one_gateway: 'one process of that config (the replicas idle meanwhile)',
      two_replicas: 'two processes of that config; each call to the next one in turn',
      clickhouse: clickHouse.version,
    },
    json: figures.json,
    stream: figures.stream,
    cache_outcomes: cache,
    calls_per_replica: { replica_a: balancer.sent[0] ?? 0, replica_b: balancer.sent[1] ?? 0 },
    gateway_memory: memory,
    stored_in_clickhouse: {
      ...stored,
      exactly_once: stored.missing === 0 && stored.doubled === 0,
      all_stored_within_ms_of_last_call: storedWithinMs,
    },
    clickhouse_inserts: inserts,
    failures,
    duration_s: Math.round((performance.now() - started) / 1000),
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', 'gateway-replicas-latest.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  process.stdout.write(
    formatReplicasTable({
      machine,
      figures,
      cache,
      callsPerReplica: result.calls_per_replica,
      memory,
      stored,
      storedWithinMs,
      inserts,
    }),
  );
  if (failures.total > 0) {
    log(`${failures.total} calls failed: ${failures.runs_with_failures.join('; ')}`);
  }
}

/** The gateways first, so they drain their spools while the stand-in and ClickHouse are there. */
async function stopEverything(): Promise<void> {
  await Promise.allSettled(pools.map((pool) => pool.destroy()));
  for (const child of [...children].reverse()) await child.stop();
  await clickHouse?.stop();
  await clearLedgerKeys(REDIS_URL, ledgerKeys).catch((error: unknown) =>
    log(`Redis keys left: ${String(error)}`),
  );
  rmSync(workDirectory, { recursive: true, force: true });
}

process.once('SIGINT', () => {
  void stopEverything().finally(() => process.exit(130));
});
try {
  await main();
} finally {
  await stopEverything();
}
