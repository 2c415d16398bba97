import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planDemoWorkload } from './plan-demo-workload.ts';

const END = Date.UTC(2025, 9, 6);

describe('planDemoWorkload', () => {
  it('plans about a million events for 30 days by default', () => {
    const { totalEvents } = planDemoWorkload({ days: 30, seed: 1, end: END });
    assert.ok(Math.abs(totalEvents - 1_000_000) < 10_000, `${totalEvents}`);
  });

  it('scales with days and events per day', () => {
    const { totalEvents } = planDemoWorkload({ days: 3, seed: 1, end: END, eventsPerDay: 1000 });
    assert.ok(totalEvents > 2900 && totalEvents < 3300, `${totalEvents}`);
  });

  it('refuses options it cannot honour', () => {
    assert.throws(() => planDemoWorkload({ days: 0, seed: 1, end: END }), RangeError);
    assert.throws(() => planDemoWorkload({ days: 3, seed: 1.5, end: END }), RangeError);
    assert.throws(() => planDemoWorkload({ days: 3, seed: 1, end: Number.NaN }), RangeError);
    assert.throws(
      () => planDemoWorkload({ days: 3, seed: 1, end: END, eventsPerDay: -1 }),
      RangeError,
    );
  });
});
