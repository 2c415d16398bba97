/**
 * `npm run bench:gateway`: what the tokenops gateway adds to a provider call, measured in one run
 * against a local OpenAI stand-in three ways — direct, through a bare undici pass-through proxy
 * (the floor: the least any proxy costs) and through `tokenops start`. Each server runs in its
 * own process, the load generator in this one. Every target is first warmed up, saturated and
 * unmeasured. For JSON and streamed calls: latency at a fixed 500 calls/s (open loop),
 * saturated throughput (64 callers, closed loop), and the gateway's resident memory.
 * Targets: p50 added ≤ 0.5 ms and p99 added ≤ 3 ms vs direct; throughput ≥ 80 % of the
 * floor's; peak RSS < 200 MB. `-- --cpu-prof` also profiles the gateway into
 * bench/tmp/gateway-cpu-profile/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'undici';
import { openBenchPool } from './gateway/open-bench-pool.ts';
import { ROUTED_CONFIG, type BenchVariant } from './gateway/bench-call.ts';
import { BENCH_TARGET_NAMES } from './gateway/bench-target.ts';
import { buildBenchTargets } from './gateway/build-bench-targets.ts';
import { checkTargetsAnswer } from './gateway/check-targets-answer.ts';
import { describeMachine } from './gateway/describe-machine.ts';
import { GATEWAY_BENCH_SETTINGS, GATEWAY_TARGETS } from './gateway/gateway-bench-settings.ts';
import { countFailures } from './gateway/failure-tally.ts';
import { judgeGatewayTargets } from './gateway/judge-gateway-targets.ts';
import { measureVariant, type VariantFigures } from './gateway/measure-variant.ts';
import { formatGatewayTable } from './gateway/format-gateway-table.ts';
import { readProcessMemory } from './gateway/read-process-memory.ts';
import { startChild, type ChildServer } from './gateway/start-child.ts';
import { startTokenops } from './gateway/start-tokenops.ts';
import { warmUpTargets } from './gateway/warm-up-targets.ts';

const here = import.meta.dirname;
const workDirectory = join(here, 'tmp', `gateway-${process.pid}`);
const cpuProfileDirectory = process.argv.includes('--cpu-prof')
  ? join(here, 'tmp', 'gateway-cpu-profile')
  : undefined;
const children: ChildServer[] = [];
const pools: Pool[] = [];
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function openPool(url: string): Pool {
  const pool = openBenchPool(url, GATEWAY_BENCH_SETTINGS.closed_loop_concurrency);
  pools.push(pool);
  return pool;
}

async function main(): Promise<void> {
  mkdirSync(workDirectory, { recursive: true });
  if (cpuProfileDirectory) mkdirSync(cpuProfileDirectory, { recursive: true });
  const script = (name: string) => join(here, 'gateway', name);
  const standIn = await startChild({
    name: 'stand-in',
    args: ['--import', 'tsx', script('stand-in-process.ts')],
  });
  children.push(standIn);
  const floor = await startChild({
    name: 'bare proxy',
    args: ['--import', 'tsx', script('bare-proxy-process.ts'), standIn.url],
  });
  children.push(floor);
  const tokenops = await startTokenops({
    standInUrl: standIn.url,
    workDirectory,
    ...(cpuProfileDirectory ? { cpuProfileDirectory } : {}),
  });
  children.push(tokenops);
  const routed = await startTokenops({
    standInUrl: standIn.url,
    workDirectory: join(workDirectory, 'routed'),
    extraConfig: ROUTED_CONFIG,
  });
  children.push(routed);
  log(
    `stand-in ${standIn.url}, floor ${floor.url}, tokenops ${tokenops.url}, routed ${routed.url}`,
  );

  const targets = buildBenchTargets({ standIn, floor, tokenops, routed, openPool });
  await checkTargetsAnswer(targets);
  // Idle, after one call of each kind: what the process holds before any load (loaded modules,
  // the store, the tokenizer), to tell a fixed cost from growth under load.
  const gatewayAtStart = readProcessMemory(tokenops.pid);
  const routedAtStart = readProcessMemory(routed.pid);
  const floorAtStart = readProcessMemory(floor.pid);
  const warmUpFailures = await warmUpTargets(targets);
  if (warmUpFailures > 0) log(`${warmUpFailures} calls failed during the warm-up`);
  const figures: Record<BenchVariant, VariantFigures> = {
    json: await measureVariant('json', targets, log),
    stream: await measureVariant('stream', targets, log),
  };
  const gatewayMemory = readProcessMemory(tokenops.pid);
  const routedMemory = readProcessMemory(routed.pid);
  const floorMemory = readProcessMemory(floor.pid);
  const checks = judgeGatewayTargets(figures, gatewayMemory, routedMemory);
  const machine = describeMachine();
  const result = {
    date: new Date().toISOString(),
    machine,
    settings: {
      ...GATEWAY_BENCH_SETTINGS,
      call: 'POST /v1/chat/completions, gpt-4o-mini, 2 short messages, x-tokenops-team: bench',
      stand_in: 'openai stand-in, no added latency, 3 stream chunks, own process',
      routed: `a second tokenops with: ${ROUTED_CONFIG.replaceAll('\n', ' ')}; routed_miss sends a new body each call, routed_hit the same one`,
      cpu_profile: cpuProfileDirectory !== undefined,
    },
    targets: GATEWAY_TARGETS,
    json: figures.json,
    stream: figures.stream,
    gateway_memory: { at_start: gatewayAtStart ?? null, after_runs: gatewayMemory ?? null },
    routed_gateway_memory: { at_start: routedAtStart ?? null, after_runs: routedMemory ?? null },
    floor_memory: { at_start: floorAtStart ?? null, after_runs: floorMemory ?? null },
    failures: countFailures(figures, BENCH_TARGET_NAMES),
    checks,
    all_targets_met: checks.every((check) => check.pass),
  };
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (cpuProfileDirectory) {
    // A profiled gateway is slower than a real one: its figures must not become the record.
    writeFileSync(join(cpuProfileDirectory, 'gateway-profiled-run.json'), text);
    log(`profiled run: results kept in ${cpuProfileDirectory}, bench/results left as they were`);
  } else {
    mkdirSync(join(here, 'results'), { recursive: true });
    writeFileSync(join(here, 'results', `gateway-${result.date.slice(0, 10)}.json`), text);
    writeFileSync(join(here, 'results', 'gateway-latest.json'), text);
  }
  process.stdout.write(
    formatGatewayTable({
      machine,
      figures,
      gatewayMemory,
      gatewayAtStart,
      routedMemory,
      routedAtStart,
      floorMemory,
      floorAtStart,
      checks,
    }),
  );
  if (result.failures.total > 0) {
    log(`${result.failures.total} calls failed: ${result.failures.runs_with_failures.join('; ')}`);
  }
}

/** The gateway first, so it drains its spool while the stand-in is still there. */
async function stopEverything(): Promise<void> {
  await Promise.allSettled(pools.map((pool) => pool.destroy()));
  for (const child of [...children].reverse()) await child.stop();
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
