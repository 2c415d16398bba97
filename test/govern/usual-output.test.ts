import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createUsualOutput } from '../../src/govern/index.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { pricedEvent } from '../helpers/priced-event.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('usual-output');

test("a feature's usual output is its calls' mean output over the last week", async () => {
  const store = await DuckDbStore.open(join(directory, 'usual.duckdb'));
  const now = Date.parse('2026-12-01T12:00:00Z');
  const day = 86_400_000;
  await store.append([
    pricedEvent({
      id: 'a',
      at: now - day,
      cost: 0.01,
      output: 300,
      tags: { feature: 'summarise' },
    }),
    pricedEvent({
      id: 'b',
      at: now - 2 * day,
      cost: 0.01,
      output: 501,
      tags: { feature: 'summarise' },
    }),
    // Older than a week: left out.
    pricedEvent({
      id: 'c',
      at: now - 8 * day,
      cost: 0.01,
      output: 9000,
      tags: { feature: 'summarise' },
    }),
    pricedEvent({ id: 'd', at: now - day, cost: 0.01, output: 40 }),
  ]);
  const usual = createUsualOutput();
  await usual.refresh(store, now);
  const model = (
    await store.report({ dimensions: ['model'], metric: 'tokens', grain: 'none', filters: [] })
  )[0]?.model;
  assert.equal(usual.get('summarise', String(model)), 401); // ⌈(300 + 501) / 2⌉
  assert.equal(usual.get(undefined, String(model)), 40);
  assert.equal(usual.get('other', String(model)), undefined);
  await store.close();
});
