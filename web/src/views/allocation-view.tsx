import { useState, type FormEvent, type ReactNode } from 'react';
import type { ReportRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { DIMENSIONS } from '../components/filter-bar.tsx';
import { LoadState } from '../components/load-state.tsx';
import { formatCount, formatMoney, formatPercent } from '../format/format.ts';
import type { ViewState } from '../routing/view-state.ts';
import { reportQuery, totalTokens } from './report-query.ts';

// Drilling goes from who pays to what they built to what it ran on.
const DRILL_ORDER = [
  'team',
  'service',
  'feature',
  'model',
  'provider',
  'environment',
  'customer',
  'user',
];

/** Where a click on a row leads: that value as a filter, grouped by the next open dimension. */
function drillDown(state: ViewState, value: string): Partial<ViewState> {
  const where = [...state.where, `${state.by}:${value}`];
  const filtered = new Set(where.map((filter) => filter.slice(0, filter.indexOf(':'))));
  const by = DRILL_ORDER.find((dimension) => !filtered.has(dimension)) ?? state.by;
  return { where, by };
}

/** Spend grouped by any dimension or tag, each row a step further down. */
export function AllocationView({ state, navigate }: ViewProps): ReactNode {
  const report = useApi<ReportRow[]>('report', reportQuery(state, { by: state.by }));
  const [tagKey, setTagKey] = useState('');
  const groupByTag = (event: FormEvent) => {
    event.preventDefault();
    if (tagKey.trim() !== '') navigate({ by: `tag:${tagKey.trim()}` });
  };
  const options = DIMENSIONS.includes(state.by as (typeof DIMENSIONS)[number])
    ? DIMENSIONS
    : [...DIMENSIONS, state.by];
  return (
    <>
      <div className="controls">
        <label>
          Group by
          <select
            value={state.by}
            name="by"
            onChange={(event) => navigate({ by: event.target.value })}
          >
            {options.map((dimension) => (
              <option key={dimension} value={dimension}>
                {dimension}
              </option>
            ))}
          </select>
        </label>
        <form onSubmit={groupByTag}>
          <label>
            or by tag
            <input
              name="tag-key"
              value={tagKey}
              size={10}
              onChange={(event) => setTagKey(event.target.value)}
            />
          </label>
          <button type="submit">Group</button>
        </form>
      </div>
      <LoadState state={report} what="spend" isEmpty={(rows) => rows.length === 0}>
        {(rows) => {
          const all = rows.reduce((sum, row) => sum + row.cost, 0);
          return (
            <DataTable
              caption={`Spend by ${state.by}; choose a value to drill down`}
              testId="allocation"
              rows={rows}
              rowKey={(row) => String(row[state.by])}
              columns={[
                {
                  label: state.by,
                  value: (row) => {
                    const value = String(row[state.by]);
                    // Untagged calls have no value a filter could name.
                    if (value === '(unattributed)') return value;
                    return (
                      <button
                        type="button"
                        className="link"
                        onClick={() => navigate(drillDown(state, value))}
                      >
                        {value}
                      </button>
                    );
                  },
                },
                { label: 'Requests', value: (row) => formatCount(row.requests), numeric: true },
                { label: 'Tokens', value: (row) => formatCount(totalTokens(row)), numeric: true },
                { label: 'Cost', value: (row) => formatMoney(row.cost), numeric: true },
                {
                  label: 'Share',
                  value: (row) => formatPercent(all === 0 ? null : row.cost / all),
                  numeric: true,
                },
              ]}
            />
          );
        }}
      </LoadState>
    </>
  );
}
