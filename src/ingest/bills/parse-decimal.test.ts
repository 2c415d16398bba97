import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDecimal } from './parse-decimal.ts';

describe('parseDecimal', () => {
  it('reads plain and E-notation decimals', () => {
    assert.equal(parseDecimal('0.003'), 0.003);
    assert.equal(parseDecimal(' -1.5 '), -1.5);
    assert.equal(parseDecimal('1.2E-7'), 1.2e-7);
    assert.equal(parseDecimal('.5'), 0.5);
  });

  it('scales by a power of ten without binary noise', () => {
    // 1842.31 * 1000 is 1842309.9999999998 in floating point; moving the point is exact.
    assert.equal(parseDecimal('1842.31', 3), 1_842_310);
    assert.equal(parseDecimal('1152.693', -2), 11.52693);
    assert.equal(parseDecimal('2.75', 6), 2_750_000);
    assert.equal(parseDecimal('1.2E-1', 3), 120);
  });

  it('is undefined for anything else', () => {
    for (const text of ['abc', '1,234', '$5', '', '1.2.3', 'NaN', 'Infinity', '1e999']) {
      assert.equal(parseDecimal(text), undefined, text);
    }
  });
});
