import type { ReportSpec } from '../store/report-spec.ts';
import type { Store } from '../store/store.ts';
import { explainSpendChange, type SpendChangeRow } from './explain-spend-change.ts';
import { parsePeriod } from './parse-period.ts';

/** `tokenops explain`: spend of two periods by team, feature, provider and model, explained. */
export async function spendChangeReport(
  store: Store,
  request: { from?: string; to?: string },
): Promise<SpendChangeRow[]> {
  const earlier = parsePeriod(request.from ?? '', 'from');
  const later = parsePeriod(request.to ?? '', 'to');
  const spec = (period: { from: number; to: number }): ReportSpec => ({
    dimensions: ['team', 'feature', 'provider', 'model'],
    metric: 'cost',
    grain: 'none',
    filters: [],
    from: period.from,
    to: period.to,
  });
  const [before, after] = await Promise.all([
    store.report(spec(earlier)),
    store.report(spec(later)),
  ]);
  return explainSpendChange(before, after);
}
