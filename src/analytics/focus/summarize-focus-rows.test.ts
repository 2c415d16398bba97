import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { FocusRow } from './focus-columns.ts';
import { summarizeFocusRows } from './summarize-focus-rows.ts';

function costs(list: number, effective: number): FocusRow {
  // Only the cost columns are read; the rest of the row does not matter here.
  return {
    ListCost: list,
    ContractedCost: effective,
    EffectiveCost: effective,
    BilledCost: effective,
  } as FocusRow;
}

it('sums the cost columns exactly at the stored scale', () => {
  const rows = Array.from({ length: 10 }, () => costs(0.1, 0.000000000001));
  assert.deepEqual(summarizeFocusRows([...rows, costs(0.2, -0.000000000004)]), {
    rows: 11,
    listCost: 1.2,
    contractedCost: 0.000000000006,
    effectiveCost: 0.000000000006,
    billedCost: 0.000000000006,
  });
});

it('sums nothing to zero', () => {
  assert.deepEqual(summarizeFocusRows([]), {
    rows: 0,
    listCost: 0,
    contractedCost: 0,
    effectiveCost: 0,
    billedCost: 0,
  });
});
