import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportedUsageFromCounts } from './reported-usage-from-counts.ts';

test('missing counts are zero beside reported ones', () => {
  assert.deepEqual(reportedUsageFromCounts({ input: 10, output: undefined, cacheRead: 4 }), {
    input: 10,
    output: 0,
    cacheRead: 4,
    cacheWrite: 0,
    cacheWrite1h: 0,
    reasoning: 0,
  });
});

test('no count at all is no usage, never a zero usage', () => {
  assert.equal(reportedUsageFromCounts({}), undefined);
  assert.equal(reportedUsageFromCounts({ input: undefined, output: undefined }), undefined);
});
