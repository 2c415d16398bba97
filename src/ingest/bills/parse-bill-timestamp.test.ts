import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBillTimestamp } from './parse-bill-timestamp.ts';

describe('parseBillTimestamp', () => {
  it('reads the timestamps exports print, as UTC', () => {
    const march9 = Date.UTC(2026, 2, 9);
    for (const text of [
      '2026-03-09T00:00:00.000Z',
      '2026-03-09T00:00:00Z',
      '2026-03-09 00:00:00 UTC',
      '2026-03-09 00:00:00',
      '2026-03-09 00:00:00+00',
      '2026-03-09T01:00:00+01:00',
      '2026-03-08T19:00:00-0500',
      '2026-03-09',
      '03/09/2026',
    ]) {
      assert.equal(parseBillTimestamp(text), march9, text);
    }
    assert.equal(
      parseBillTimestamp('2026-03-10 17:41:07.512 UTC'),
      Date.UTC(2026, 2, 10, 17, 41, 7, 512),
    );
  });

  it('is undefined for anything that is not a valid time', () => {
    for (const text of ['', 'yesterday', '2026-02-30', '2026-03-09T25:00:00Z', '13/45/2026']) {
      assert.equal(parseBillTimestamp(text), undefined, text);
    }
  });
});
