import { mkdirSync, rmSync } from 'node:fs';
import { startClickHouseServer } from '../../test/helpers/clickhouse-server.ts';
import { clickHouseScaleEngine } from './clickhouse-scale-engine.ts';
import { runScaleStage, type StageResult } from './run-scale-stage.ts';
import { log } from './scale-workload.ts';

interface Stage {
  size: string;
  copies: { from: number; to: number };
  timing: { rounds: number; repeats: number };
}

/**
 * The scale stages on a ClickHouse server started for the run (Debian's clickhouse-server,
 * installed when missing) with its data under `directory`, removed afterwards.
 */
export async function runClickHouseScale(
  directory: string,
  stages: readonly Stage[],
): Promise<Record<string, unknown>> {
  mkdirSync(directory, { recursive: true });
  // The server helper polls on unref'd timers: hold the process open while it runs.
  const keepAlive = setInterval(() => undefined, 1_000);
  const server = await startClickHouseServer(directory);
  try {
    log(`clickhouse-server ${server.version} on ${server.url('bench')}`);
    const engine = clickHouseScaleEngine(server.url('bench'));
    const results: Record<string, StageResult> = {};
    for (const [index, stage] of stages.entries()) {
      results[stage.size] = await runScaleStage(engine, index, stage.copies, stage.timing);
    }
    return { server: server.version, stages: results };
  } finally {
    await server.stop();
    clearInterval(keepAlive);
    rmSync(directory, { recursive: true, force: true });
  }
}
