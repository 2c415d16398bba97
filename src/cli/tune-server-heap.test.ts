import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tuneServerHeap } from './tune-server-heap.ts';

describe('tuneServerHeap', () => {
  it('sets the heap growth when the user chose none', () => {
    assert.equal(tuneServerHeap(['--enable-source-maps'], '--max-old-space-size=512'), true);
  });

  it("leaves the user's own heap growth, from node's command line or NODE_OPTIONS", () => {
    assert.equal(tuneServerHeap(['--heap-growing-percent=20'], ''), false);
    assert.equal(tuneServerHeap([], '--trace-gc --heap_growing_percent=80'), false);
  });
});
