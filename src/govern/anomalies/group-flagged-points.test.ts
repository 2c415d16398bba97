import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupFlaggedPoints, peakOf } from './group-flagged-points.ts';

const point = (index: number, score = 5) => ({ index, observed: 2, expected: 1, score });

describe('groupFlaggedPoints', () => {
  it('joins points at most one gap apart and splits the rest', () => {
    const runs = groupFlaggedPoints([point(5), point(1), point(2), point(4), point(9)], 1);
    assert.deepEqual(
      runs.map((run) => run.map((each) => each.index)),
      [[1, 2, 4, 5], [9]],
    );
  });

  it("names the run's most anomalous point", () => {
    assert.equal(peakOf([point(1, 4), point(2, 9), point(3, 6)])?.index, 2);
  });
});
