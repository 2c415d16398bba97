import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetPeriod } from './budget-period.ts';

const at = Date.parse('2026-12-02T15:30:00Z'); // a Wednesday

test('a day budget resets at the next UTC midnight', () => {
  assert.deepEqual(budgetPeriod('day', at), {
    start: Date.parse('2026-12-02T00:00:00Z'),
    end: Date.parse('2026-12-03T00:00:00Z'),
  });
});

test('a week budget runs Monday to Monday, also when `at` is a Sunday', () => {
  const week = {
    start: Date.parse('2026-11-30T00:00:00Z'),
    end: Date.parse('2026-12-07T00:00:00Z'),
  };
  assert.deepEqual(budgetPeriod('week', at), week);
  assert.deepEqual(budgetPeriod('week', Date.parse('2026-12-06T23:59:59Z')), week);
});

test('a month budget runs over the calendar month, across a year end', () => {
  assert.deepEqual(budgetPeriod('month', Date.parse('2026-12-31T23:00:00Z')), {
    start: Date.parse('2026-12-01T00:00:00Z'),
    end: Date.parse('2027-01-01T00:00:00Z'),
  });
});
