import { createHash } from 'node:crypto';
import type { BillingLine } from '../../domain/billing-line.ts';

/**
 * Lines of one file that share a natural key (two rows of the same SKU, hour and labels
 * that differ only in a field no key reads) would overwrite each other when stored by id, and
 * their money would be lost. The first keeps its id; each repeat gets its own, derived from
 * the id and its position among the repeats, so re-importing the same file still gives the
 * same ids.
 */
export function uniqueLineIds(lines: readonly BillingLine[]): BillingLine[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const repeats = seen.get(line.id) ?? 0;
    seen.set(line.id, repeats + 1);
    if (repeats === 0) return line;
    const id = createHash('sha256').update(`${line.id}#${repeats}`).digest('hex');
    return { ...line, id };
  });
}
