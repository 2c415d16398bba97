import { MONEY_SCALE } from '../../domain/money.ts';
import type { FocusRow } from './focus-columns.ts';

export interface FocusExportSummary {
  rows: number;
  listCost: number;
  contractedCost: number;
  effectiveCost: number;
  billedCost: number;
}

const COST_COLUMNS = {
  listCost: 'ListCost',
  contractedCost: 'ContractedCost',
  effectiveCost: 'EffectiveCost',
  billedCost: 'BilledCost',
} as const satisfies Record<keyof Omit<FocusExportSummary, 'rows'>, keyof FocusRow>;

/**
 * The totals an export prints beside its file. Summed in whole units of 1e-12 (BigInt), as
 * the store sums DECIMAL money, so a million rows add up without floating-point drift.
 */
export function summarizeFocusRows(rows: Iterable<FocusRow>): FocusExportSummary {
  const totals = { listCost: 0n, contractedCost: 0n, effectiveCost: 0n, billedCost: 0n };
  const keys = Object.keys(COST_COLUMNS) as (keyof typeof COST_COLUMNS)[];
  let count = 0;
  for (const row of rows) {
    count++;
    for (const key of keys) totals[key] += toScaledInteger(row[COST_COLUMNS[key]]);
  }
  return {
    rows: count,
    listCost: fromScaledInteger(totals.listCost),
    contractedCost: fromScaledInteger(totals.contractedCost),
    effectiveCost: fromScaledInteger(totals.effectiveCost),
    billedCost: fromScaledInteger(totals.billedCost),
  };
}

/** The amount as a whole number of 1e-12 (costs are never finer than the stored scale). */
function toScaledInteger(amount: number): bigint {
  return BigInt(amount.toFixed(MONEY_SCALE).replace('.', ''));
}

function fromScaledInteger(scaled: bigint): number {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(MONEY_SCALE + 1, '0');
  const text = `${digits.slice(0, -MONEY_SCALE)}.${digits.slice(-MONEY_SCALE)}`;
  return Number(negative ? `-${text}` : text);
}
