import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomSpanId } from './random-span-id.ts';

test('span ids are 16 hex digits and do not repeat across pool refills', () => {
  const ids = Array.from({ length: 2_000 }, randomSpanId);
  for (const id of ids) assert.match(id, /^[0-9a-f]{16}$/);
  assert.equal(new Set(ids).size, ids.length);
});
