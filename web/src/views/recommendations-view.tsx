import type { ReactNode } from 'react';
import type { RecommendationRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import { StatList } from '../components/stat-list.tsx';
import { formatMoney } from '../format/format.ts';

/** The kinds GET /api/v1/recommendations knows (docs/recommendations.md). */
export const RECOMMENDATION_KINDS = [
  'prompt-bloat',
  'cache-opportunity',
  'tiering',
  'batch',
  'output-outliers',
  'retry-hot-spot',
  'context-growth',
] as const;

/** `feature=support-chat, model=…`: what a recommendation is about. */
export function formatScope(scope: Record<string, string>): string {
  return Object.entries(scope)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

/** The changes worth making, costliest waste first, each with its saving and its risk. */
export function RecommendationsView({ state, navigate }: ViewProps): ReactNode {
  const rows = useApi<RecommendationRow[]>('recommendations', {
    from: state.from,
    to: state.to,
    kind: state.kind,
  });
  return (
    <>
      <p className="hint">
        Over the range (without one: the last 30 stored days; filters do not apply). Each saving is
        the change replayed over the range and scaled to 30 days; the whatif command reproduces it.
      </p>
      <div className="controls">
        <label>
          Kind
          <select
            value={state.kind}
            name="kind"
            onChange={(event) => navigate({ kind: event.target.value })}
          >
            <option value="">all kinds</option>
            {RECOMMENDATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LoadState
        state={rows}
        what="recommendations"
        isEmpty={(data) => data.length === 0}
        loadingMessage="Replaying the range for recommendations: tens of seconds per million calls the first time, then kept for ten minutes…"
      >
        {(data) => {
          const sorted = [...data].sort((a, b) => b.monthly_saving - a.monthly_saving);
          const total = data.reduce((sum, row) => sum + row.monthly_saving, 0);
          return (
            <>
              <StatList
                label="Savings"
                stats={[
                  {
                    label: 'Total monthly saving',
                    value: formatMoney(total),
                    testId: 'recommendations-total',
                    detail: `${data.length} recommendations`,
                  },
                ]}
              />
              <DataTable
                caption="Recommendations by monthly saving"
                testId="recommendations"
                rows={sorted}
                rowKey={(row, index) => `${row.kind} ${formatScope(row.scope)} ${index}`}
                columns={[
                  { label: 'Kind', value: (row) => row.kind },
                  { label: 'Recommendation', value: (row) => row.title },
                  { label: 'Scope', value: (row) => formatScope(row.scope) },
                  {
                    label: 'Monthly saving',
                    value: (row) => formatMoney(row.monthly_saving),
                    numeric: true,
                  },
                  {
                    label: 'Quality risk',
                    value: (row) => `${row.quality_risk.level}: ${row.quality_risk.reason}`,
                  },
                  { label: 'What if', value: (row) => <code>{row.whatif}</code> },
                ]}
              />
            </>
          );
        }}
      </LoadState>
    </>
  );
}
