/**
 * `npm run bench:ingest`: 1M demo events posted to POST /api/v1/events (NDJSON batches of
 * 10,000, gzipped, one client on loopback) into a fresh DuckDB store, next to the floor
 * measured in the same run: the same events priced and appended to a store directly, no HTTP
 * or JSON. Target (issue 4): 1M events stored in under 30 s.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { buildPricer } from '../src/cli/build-pricer.ts';
import { configSchema } from '../src/config/index.ts';
import { generateDemoWorkload } from '../src/demo/index.ts';
import { toUsageEventInput } from '../src/domain/to-usage-event-input.ts';
import type { PricedUsageEvent, UsageEvent } from '../src/domain/usage-event.ts';
import { createApp } from '../src/server/app.ts';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.ts';

const BATCH = 10_000;
const directory = join('bench', 'tmp', `ingest-${process.pid}`);
const pack = promisify(gzip);

async function main(): Promise<void> {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const options = { days: 30, seed: 7, end: Date.UTC(2026, 10, 1) };
  const batches: UsageEvent[][] = [];
  for (const batch of generateDemoWorkload(options, BATCH)) batches.push(batch);
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  const bodies = await Promise.all(
    batches.map((batch) =>
      pack(batch.map((event) => JSON.stringify(toUsageEventInput(event))).join('\n')),
    ),
  );

  const store = await DuckDbStore.open(join(directory, 'api.duckdb'));
  const server = createApp({ store, version: 'bench' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/events`;
  let started = performance.now();
  let accepted = 0;
  for (const body of bodies) {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
    });
    accepted += ((await response.json()) as { accepted: number }).accepted;
  }
  const apiSeconds = (performance.now() - started) / 1000;
  server.close();
  await store.close();

  const pricer = buildPricer(configSchema.parse({}));
  const direct = await DuckDbStore.open(join(directory, 'direct.duckdb'));
  started = performance.now();
  for (const batch of batches) {
    await direct.append(
      batch.map((event): PricedUsageEvent => ({ ...event, pricing: pricer.price(event) })),
    );
  }
  const floorSeconds = (performance.now() - started) / 1000;
  await direct.close();

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
