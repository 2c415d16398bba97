import { useMemo, type ReactNode } from 'react';
import type { ReportRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { LoadState } from '../components/load-state.tsx';
import { StatList } from '../components/stat-list.tsx';
import { TimeChart } from '../components/time-chart.tsx';
import { formatCount, formatMoney } from '../format/format.ts';
import { reportQuery, totalTokens } from './report-query.ts';
import { TokenSplit } from './token-split.tsx';
import { TopTable } from './top-table.tsx';

/** Spend and tokens over the range: totals, a daily chart, the token classes, top teams and models. */
export function OverviewView({ state, navigate }: ViewProps): ReactNode {
  const totals = useApi<ReportRow[]>('report', reportQuery(state));
  const daily = useApi<ReportRow[]>('report', reportQuery(state, { grain: 'day' }));
  const teams = useApi<ReportRow[]>('report', reportQuery(state, { by: 'team' }));
  const models = useApi<ReportRow[]>('report', reportQuery(state, { by: 'model' }));
  return (
    <>
      <LoadState state={totals} what="spend" isEmpty={(rows) => (rows[0]?.requests ?? 0) === 0}>
        {(rows) => {
          const total = rows[0] as ReportRow;
          return (
            <>
              <StatList
                label="Totals for the range"
                stats={[
                  { label: 'Cost', value: formatMoney(total.cost), testId: 'total-cost' },
                  {
                    label: 'Tokens',
                    value: formatCount(totalTokens(total)),
                    testId: 'total-tokens',
                  },
                  {
                    label: 'Requests',
                    value: formatCount(total.requests),
                    testId: 'total-requests',
                  },
                ]}
              />
              <TokenSplit row={total} />
            </>
          );
        }}
      </LoadState>
      <section aria-labelledby="daily-heading">
        <div className="section-head">
          <h2 id="daily-heading">By day</h2>
          <fieldset className="toggle">
            <legend>Show</legend>
            {(['cost', 'tokens'] as const).map((metric) => (
              <label key={metric}>
                <input
                  type="radio"
                  name="metric"
                  value={metric}
                  checked={state.metric === metric}
                  onChange={() => navigate({ metric })}
                />
                {metric === 'cost' ? 'Cost' : 'Tokens'}
              </label>
            ))}
          </fieldset>
        </div>
        <LoadState state={daily} what="daily spend" isEmpty={(rows) => rows.length === 0}>
          {(rows) => <DailyChart rows={rows} metric={state.metric} />}
        </LoadState>
      </section>
      <div className="columns">
        <TopTable title="Top teams" dimension="team" state={teams} />
        <TopTable title="Top models" dimension="model" state={models} />
      </div>
    </>
  );
}

function DailyChart({ rows, metric }: { rows: ReportRow[]; metric: 'cost' | 'tokens' }): ReactNode {
  const times = useMemo(() => rows.map((row) => row.period ?? ''), [rows]);
  const series = useMemo(
    () => [
      {
        name: metric === 'cost' ? 'Cost (USD)' : 'Tokens',
        kind: 'bar' as const,
        values: rows.map((row) => (metric === 'cost' ? row.cost : totalTokens(row))),
      },
    ],
    [rows, metric],
  );
  return (
    <TimeChart
      label={`${metric === 'cost' ? 'Cost' : 'Tokens'} per day, ${times[0]} to ${times.at(-1)}`}
      times={times}
      series={series}
      format={metric === 'cost' ? formatMoney : formatCount}
    />
  );
}
