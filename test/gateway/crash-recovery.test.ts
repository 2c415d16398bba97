import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startStandIn } from '../../src/demo/stand-ins/index.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const WORKERS = 12;

/** Sends calls until stopped, adding the request ids whose answers arrived complete. */
async function load(url: string, stopAt: () => boolean, completed: string[]): Promise<void> {
  const worker = async (index: number): Promise<void> => {
    for (let call = 0; !stopAt(); call += 1) {
      const stream = (index + call) % 2 === 0;
      try {
        const response = await fetch(`${url}/openai/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tokenops-team': 'crash' },
          body: JSON.stringify({
            model: 'gpt-4o-mini',
            stream,
            messages: [{ role: 'user', content: `call ${index}.${call}` }],
          }),
        });
        const text = await response.text();
        const finished = stream
          ? text.includes('data: [DONE]')
          : (JSON.parse(text) as { usage?: unknown }).usage !== undefined;
        const id = response.headers.get('x-tokenops-request-id');
        if (response.ok && finished && id) completed.push(id);
      } catch {
        // The gateway was killed mid-answer: this call did not complete, and may have no event.
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
}

test('kill -9 under load, then a restart: every call that completed has its event, once', async () => {
  const directory = tempDirectory('crash');
  const standIn = await startStandIn({ kind: 'openai', latencyMs: 2, record: false });
  after(() => standIn.close());
  writeFileSync(
    join(directory, 'tokenops.yaml'),
    `providers:\n  openai:\n    baseUrl: ${standIn.url}\ngateway:\n  flushIntervalMs: 1000\n`,
  );
  const first = await startServer([], directory);
  let killed = false;
  const completed: string[] = [];
  const loading = load(first.url, () => killed, completed);
  // Under load for a while (on a busy machine, until enough calls have completed).
  const loadedBy = Date.now() + 2_500;
  while (Date.now() < loadedBy || (completed.length <= 100 && Date.now() < loadedBy + 60_000)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Kill while a segment is on disk: on a loaded machine a flush may just have emptied it.
  const spool = join(directory, '.tokenops', 'spool');
  while (readdirSync(spool).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  process.kill(first.pid, 'SIGKILL');
  killed = true;
  await loading;
  assert.ok(completed.length > 100, `the load completed ${completed.length} calls before the kill`);

  const left = readdirSync(spool);
  assert.ok(left.length > 0, 'the kill left events in the spool, not yet in the store');

  // The restart replays the spool into the store before it listens.
  const second = await startServer([], directory);
  await second.stop();
  const store = await DuckDbStore.open(join(directory, '.tokenops', 'tokenops.duckdb'));
  const stored: string[] = [];
  for await (const batch of store.eventsBetween(0, Date.now() + 60_000, 50_000)) {
    stored.push(...batch.map((event) => event.requestId ?? ''));
  }
  await store.close();
  const storedIds = new Set(stored);
  const lost = completed.filter((id) => !storedIds.has(id));
  assert.deepEqual(lost, [], `${lost.length} of ${completed.length} completed calls lost`);
  assert.equal(storedIds.size, stored.length, 'no event stored twice');
});
