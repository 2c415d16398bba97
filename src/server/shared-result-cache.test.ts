import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSharedResultCache } from './shared-result-cache.ts';

test('concurrent requests for the same key share one computation', async () => {
  const cache = createSharedResultCache<number>({ ttlMs: 1_000, maxEntries: 4 });
  let runs = 0;
  const compute = async () => {
    runs += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
    return 42;
  };
  const results = await Promise.all([cache.get('a', compute), cache.get('a', compute)]);
  assert.deepEqual(results, [42, 42]);
  assert.equal(runs, 1);
  assert.equal(await cache.get('b', compute), 42);
  assert.equal(runs, 2);
});

test('an entry is recomputed after its time to live, and a failure is not kept', async () => {
  let clock = 0;
  const cache = createSharedResultCache<string>({ ttlMs: 100, maxEntries: 4, now: () => clock });
  let runs = 0;
  const compute = () => Promise.resolve(`run ${(runs += 1)}`);
  assert.equal(await cache.get('k', compute), 'run 1');
  clock = 99;
  assert.equal(await cache.get('k', compute), 'run 1');
  clock = 100;
  assert.equal(await cache.get('k', compute), 'run 2');
  await assert.rejects(
    cache.get('bad', () => Promise.reject(new Error('store busy'))),
    /busy/,
  );
  assert.equal(await cache.get('bad', compute), 'run 3');
});

test('the oldest entries go first past the bound', async () => {
  const cache = createSharedResultCache<string>({ ttlMs: 1_000, maxEntries: 2 });
  let runs = 0;
  const compute = () => Promise.resolve(`run ${(runs += 1)}`);
  await cache.get('a', compute);
  await cache.get('b', compute);
  await cache.get('c', compute);
  assert.equal(await cache.get('b', compute), 'run 2');
  assert.equal(await cache.get('a', compute), 'run 4');
});
