import assert from 'node:assert/strict';
import { it } from 'node:test';
import { budgetRunOut } from './budget-run-out.ts';

const daily = [
  { day: '2026-03-15', expected: 40 },
  { day: '2026-03-16', expected: 100 },
  { day: '2026-03-17', expected: 100 },
];

it('finds the day cumulative expected spend reaches the limit', () => {
  assert.equal(budgetRunOut({ spentToDate: 800, daily, limit: 940 }), '2026-03-16');
  assert.equal(budgetRunOut({ spentToDate: 800, daily, limit: 1000 }), '2026-03-17');
  assert.equal(budgetRunOut({ spentToDate: 800, daily, limit: 1040.01 }), null);
});

it('answers today for a limit already reached', () => {
  assert.equal(budgetRunOut({ spentToDate: 1200, daily, limit: 1000 }), '2026-03-15');
});
