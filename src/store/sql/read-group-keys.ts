import type { Dimension } from '../report-spec.ts';
import { textCell } from './text-cell.ts';

/** The grouped values of an insight row (aliased d0, d1, …) keyed by dimension name. */
export function readGroupKeys(
  row: Readonly<Record<string, unknown>>,
  dimensions: readonly Dimension[],
): Record<string, string> {
  const keys: Record<string, string> = {};
  dimensions.forEach((dimension, index) => {
    keys[dimension] = textCell(row[`d${index}`]);
  });
  return keys;
}
