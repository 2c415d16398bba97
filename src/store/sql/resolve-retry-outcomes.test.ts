import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveRetryOutcomes } from './resolve-retry-outcomes.ts';

describe('resolveRetryOutcomes', () => {
  it('passes a last attempt’s outcome back along the chain, any depth', () => {
    const outcomes = resolveRetryOutcomes([
      { requestId: 'q2', retryOf: 'q1', outcome: null },
      { requestId: 'q3', retryOf: 'q2', outcome: 'success' },
      { requestId: 'r2', retryOf: 'r1', outcome: null },
    ]);
    assert.deepEqual(
      outcomes,
      new Map([
        ['q2', 'success'],
        ['q1', 'success'],
      ]),
    );
  });

  it('keeps the least of several outcomes, as SQL’s min does', () => {
    const outcomes = resolveRetryOutcomes([
      { requestId: 'b', retryOf: 'a', outcome: 'success' },
      { requestId: 'c', retryOf: 'a', outcome: 'failure' },
    ]);
    assert.deepEqual(outcomes, new Map([['a', 'failure']]));
  });

  it('follows only links whose request is known, and ends on a cycle', () => {
    const outcomes = resolveRetryOutcomes([
      { requestId: null, retryOf: 'x', outcome: null },
      { requestId: 'x', retryOf: 'y', outcome: 'success' },
      { requestId: 'y', retryOf: 'x', outcome: null },
    ]);
    assert.deepEqual(
      outcomes,
      new Map([
        ['y', 'success'],
        ['x', 'success'],
      ]),
    );
  });
});
