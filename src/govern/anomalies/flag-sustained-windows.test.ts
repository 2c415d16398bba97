import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TUNING } from './detector-tuning.ts';
import { flagSustainedWindows, type JudgedPoint } from './flag-sustained-windows.ts';

const point = (index: number, score: number, observed: number): JudgedPoint => ({
  index,
  score,
  observed,
  expected: 10,
  typical: 10,
});

test('three hours at score 2.5 and twice the expected add up to a spike: 7.5 / √3 ≥ 4', () => {
  const judged = [point(0, 0, 10), point(1, 2.5, 20), point(2, 2.5, 20), point(3, 2.5, 20)];
  assert.deepEqual(
    flagSustainedWindows(judged, DEFAULT_TUNING).map((flagged) => flagged.index),
    [1, 2, 3],
  );
});

test('a run broken by an hour at its baseline, or too small a rise, is not one', () => {
  const broken = [point(0, 2.5, 20), point(1, 0.5, 11), point(2, 2.5, 20)];
  assert.deepEqual(flagSustainedWindows(broken, DEFAULT_TUNING), []);
  // Scores high enough, but 1.5× the expected total: lasting growth more than a spike.
  const mild = [point(0, 3, 15), point(1, 3, 15), point(2, 3, 15)];
  assert.deepEqual(flagSustainedWindows(mild, DEFAULT_TUNING), []);
});
