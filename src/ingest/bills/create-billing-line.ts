import { createHash } from 'node:crypto';
import type { BillingLine } from '../../domain/billing-line.ts';

export type BillingLineFields = Omit<BillingLine, 'id'>;

/**
 * A billing line whose id is a sha256 of its natural key: what the line is about (format,
 * provider, account, project, model, class, tiers, period, the source's label) plus
 * `sourceKey`, what else tells two rows of the source apart (a resource, an API key the
 * results are grouped by, a row's labels) — never its quantity, cost or currency. A re-export
 * with corrected numbers therefore replaces the old line instead of adding to it, and
 * importing the same file twice changes nothing. A source's own row id belongs in the key
 * only when the source keeps it across re-exports. Absent fields are left out of the line.
 */
export function createBillingLine(
  fields: BillingLineFields,
  sourceKey: readonly (string | undefined)[] = [],
): BillingLine {
  const naturalKey = [
    fields.format,
    fields.provider,
    fields.account,
    fields.project,
    fields.model,
    fields.billedClass,
    fields.serviceTier,
    fields.contextTier,
    fields.periodStart,
    fields.periodEnd,
    fields.description,
    ...sourceKey,
  ].map((part) => part ?? null);
  const id = createHash('sha256').update(JSON.stringify(naturalKey)).digest('hex');
  const line: BillingLine = { id, ...fields };
  for (const key of Object.keys(line) as (keyof BillingLine)[]) {
    if (line[key] === undefined) delete line[key];
  }
  if (line.tags && Object.keys(line.tags).length === 0) delete line.tags;
  return line;
}
