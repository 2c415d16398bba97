import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readWholeNumber } from './read-whole-number.ts';

test('only finite, non-negative whole numbers are counts', () => {
  assert.equal(readWholeNumber(0), 0);
  assert.equal(readWholeNumber(3200), 3200);
  const junk: unknown[] = [undefined, null, '12', -1, 1.5, Number.NaN, Infinity, 2 ** 60, {}, []];
  junk.forEach((value, index) => {
    assert.equal(readWholeNumber(value), undefined, `junk value ${index}`);
  });
});
