import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWindowCounter } from './window-counter.ts';

test('each key gets its own limit per window, and a refusal says when the window ends', () => {
  let clock = 60_000 * 10 + 15_000;
  const counter = createWindowCounter({ limit: 2, windowMs: 60_000, now: () => clock });
  assert.deepEqual([counter.take('a'), counter.take('a')], [{ ok: true }, { ok: true }]);
  assert.deepEqual(counter.take('a'), { ok: false, retryAfterMs: 45_000 });
  assert.deepEqual(counter.take('b'), { ok: true });
  clock += 45_000;
  assert.deepEqual(counter.take('a'), { ok: true });
});

test('a limit of 0 is off', () => {
  const counter = createWindowCounter({ limit: 0, windowMs: 1000 });
  for (let index = 0; index < 5; index += 1) assert.deepEqual(counter.take('a'), { ok: true });
});
