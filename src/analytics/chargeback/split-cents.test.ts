import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roundToCents } from './round-to-cents.ts';
import { splitCents } from './split-cents.ts';

const PICO_PER_CENT = 10_000_000_000n;

describe('whole-cent splits', () => {
  it('splits $100.00 three ways into 33.34 + 33.33 + 33.33', () => {
    assert.deepEqual(splitCents(10_000n, [1n, 1n, 1n]), [3334n, 3333n, 3333n]);
  });

  it('gives the odd cents to the largest remainders, not to the first items', () => {
    // 1000 cents by 1:2:4 is 142.86, 285.71, 571.43: the .86 and .43 pass 0.71 only in order.
    assert.deepEqual(splitCents(1000n, [1n, 2n, 4n]), [143n, 286n, 571n]);
    assert.deepEqual(splitCents(-1000n, [1n, 2n, 4n]), [-143n, -286n, -571n]);
  });

  it('rounds amounts together so they add up to their total rounded to the cent', () => {
    // 10.004 × 3 + 0.004 = 30.016 → 3002 cents, where rounding each alone gives 3000.
    const amount = (cents: bigint, picoRest: bigint) => cents * PICO_PER_CENT + picoRest;
    const rounded = roundToCents([
      amount(1000n, 4_000_000_000n),
      amount(1000n, 4_000_000_000n),
      amount(1000n, 4_000_000_000n),
      amount(0n, 4_000_000_000n),
    ]);
    assert.deepEqual(rounded, [1001n, 1001n, 1000n, 0n]);
  });
});
