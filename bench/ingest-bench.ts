/**
 * `npm run bench:ingest`: 1M demo events posted to POST /api/v1/events of `tokenops start`
 * running in its own process on a fresh data directory (NDJSON batches of 10,000, gzipped,
 * two requests in flight on loopback), next to the floor measured in the same run: the same
 * events priced and appended to a store directly, no HTTP or JSON. Target (issue 4): 1M
 * events stored in under 30 s.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { buildPricer } from '../src/cli/build-pricer.ts';
import { configSchema } from '../src/config/index.ts';
import { generateDemoWorkload, type DemoOptions } from '../src/demo/index.ts';
import { toUsageEventInput } from '../src/domain/to-usage-event-input.ts';
import type { PricedUsageEvent } from '../src/domain/usage-event.ts';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { startChild } from './gateway/start-child.ts';

const BATCH = 10_000;
const directory = join('bench', 'tmp', `ingest-${process.pid}`);
const pack = promisify(gzip);

const BIN = join(import.meta.dirname, '..', 'bin', 'tokenops.js');
/** Requests in flight: a bulk loader sends the next batch while the server stores the last. */
const IN_FLIGHT = 2;

/** The demo month as gzipped NDJSON bodies of 10,000 events; only the bytes are kept. */
async function prepareBodies(options: DemoOptions): Promise<{ bodies: Buffer[]; total: number }> {
  const bodies: Buffer[] = [];
  let total = 0;
  for (const batch of generateDemoWorkload(options, BATCH)) {
    total += batch.length;
    bodies.push(
      await pack(batch.map((event) => JSON.stringify(toUsageEventInput(event))).join('\n')),
    );
  }
  return { bodies, total };
}

/** `tokenops start` on an empty data directory, in its own process, fed IN_FLIGHT at a time. */
async function postAll(bodies: readonly Buffer[]): Promise<{ seconds: number; accepted: number }> {
  const server = await startChild({
    name: 'tokenops',
    args: [BIN, '--data', join(directory, 'api'), 'start', '--port', '0'],
    cwd: directory,
  });
  const url = `${server.url}/api/v1/events`;
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  const sender = async (): Promise<void> => {
    for (let index = next++; index < bodies.length; index = next++) {
      const response = await fetch(url, {
        method: 'POST',
        body: bodies[index],
        headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
      });
      if (!response.ok)
        throw new Error(`batch ${index}: ${response.status} ${await response.text()}`);
      accepted += ((await response.json()) as { accepted: number }).accepted;
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    return { seconds: (performance.now() - started) / 1000, accepted };
  } finally {
    await server.stop();
  }
}

/** The floor: the same events generated, priced and appended in this process, no HTTP or JSON. */
async function appendDirectly(options: DemoOptions): Promise<number> {
  const pricer = buildPricer(configSchema.parse({}));
  const direct = await DuckDbStore.open(join(directory, 'direct.duckdb'));
  let busy = 0;
  for (const batch of generateDemoWorkload(options, BATCH)) {
    const started = performance.now();
    await direct.append(
      batch.map((event): PricedUsageEvent => ({ ...event, pricing: pricer.price(event) })),
    );
    busy += performance.now() - started;
  }
  await direct.close();
  return busy / 1000;
}

async function main(): Promise<void> {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const options = { days: 30, seed: 7, end: Date.UTC(2026, 10, 1) };
  const { bodies, total } = await prepareBodies(options);
  const { seconds: apiSeconds, accepted } = await postAll(bodies);
  const floorSeconds = await appendDirectly(options);

  const result = {
    date: new Date().toISOString(),
    machine: {
      host: hostname(),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory_gib: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    target_seconds_for_1m: 30,
    requests_in_flight: IN_FLIGHT,
    events_per_request: BATCH,
    events: total,
    accepted,
    events_api: {
      seconds: Math.round(apiSeconds * 100) / 100,
      events_per_second: Math.round(total / apiSeconds),
    },
    floor_direct_append: {
      seconds: Math.round(floorSeconds * 100) / 100,
      events_per_second: Math.round(total / floorSeconds),
    },
  };
  mkdirSync(join('bench', 'results'), { recursive: true });
  writeFileSync(
    join('bench', 'results', 'ingest-latest.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

try {
  await main();
} finally {
  rmSync(directory, { recursive: true, force: true });
}
