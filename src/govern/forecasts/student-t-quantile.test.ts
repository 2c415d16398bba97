import assert from 'node:assert/strict';
import { it } from 'node:test';
import { studentTQuantile } from './student-t-quantile.ts';

it('gives the Student-t table values', () => {
  const table: [0.8 | 0.9 | 0.95, number, number][] = [
    [0.8, 1, 3.078],
    [0.8, 2, 1.886],
    [0.8, 3, 1.638],
    [0.8, 10, 1.372],
    [0.8, 30, 1.31],
    [0.9, 5, 2.015],
    [0.95, 3, 3.182],
    [0.95, 10, 2.228],
  ];
  for (const [level, degrees, expected] of table) {
    const actual = studentTQuantile(level, degrees);
    assert.ok(Math.abs(actual - expected) < 0.005, `${level}/${degrees}: ${actual}`);
  }
});
