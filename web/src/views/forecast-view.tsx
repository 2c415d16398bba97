import { useMemo, type ReactNode } from 'react';
import type { ForecastRow, ReportRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { LoadState } from '../components/load-state.tsx';
import { StatList } from '../components/stat-list.tsx';
import { TimeChart } from '../components/time-chart.tsx';
import { formatInstant, formatMoney, formatPercent } from '../format/format.ts';
import type { ViewState } from '../routing/view-state.ts';

/** The range's last day picks the month and the moment of the forecast (its end). */
function forecastQuery(state: ViewState): Record<string, string | readonly string[]> {
  return state.to
    ? { month: state.to.slice(0, 7), as_of: state.to, where: state.where }
    : { where: state.where };
}

/** Month-end spend as forecast at the end of the range, with its interval and daily band. */
export function ForecastView({ state }: ViewProps): ReactNode {
  const forecast = useApi<ForecastRow[]>('forecast', forecastQuery(state));
  return (
    <>
      <p className="hint">
        The month of the range's last day, as forecast at the end of that day (without a range:
        now).
      </p>
      <LoadState state={forecast} what="forecast" isEmpty={(rows) => rows.length === 0}>
        {(rows) => <ForecastBody row={rows[0] as ForecastRow} where={state.where} />}
      </LoadState>
    </>
  );
}

function ForecastBody({ row, where }: { row: ForecastRow; where: readonly string[] }): ReactNode {
  // The month's spend so far, drawn before the forecast days: to the last day as_of reaches.
  const lastDay = new Date(Math.max(Date.parse(`${row.month}-01`), Date.parse(row.as_of) - 1));
  const spent = useApi<ReportRow[]>('report', {
    grain: 'day',
    from: `${row.month}-01`,
    to: lastDay.toISOString().slice(0, 10),
    where,
  });
  const actual = useMemo(() => (spent.status === 'ready' ? spent.data : []), [spent]);
  const times = useMemo(
    () => [...actual.map((day) => day.period ?? ''), ...row.daily.map((day) => day.day)],
    [actual, row],
  );
  const series = useMemo(() => {
    const gap = (count: number) => Array<number>(count).fill(NaN);
    const ahead = (values: number[]) => [...gap(actual.length), ...values];
    return [
      {
        name: 'Spent',
        kind: 'bar' as const,
        values: [...actual.map((day) => day.cost), ...gap(row.daily.length)],
      },
      {
        name: 'Interval low',
        kind: 'line' as const,
        band: 'lower' as const,
        values: ahead(row.daily.map((day) => day.lower)),
      },
      {
        name: 'Interval high',
        kind: 'line' as const,
        band: 'upper' as const,
        values: ahead(row.daily.map((day) => day.upper)),
      },
      {
        name: 'Expected',
        kind: 'line' as const,
        values: ahead(row.daily.map((day) => day.expected)),
      },
    ];
  }, [actual, row]);
  return (
    <>
      <StatList
        label={`Forecast for ${row.month}`}
        stats={[
          { label: 'Month', value: row.month, testId: 'forecast-month' },
          {
            label: 'Spent to date',
            value: formatMoney(row.spent_to_date),
            testId: 'forecast-spent',
          },
          {
            label: 'Month-end forecast',
            value: formatMoney(row.forecast_total),
            testId: 'forecast-total',
            detail:
              row.forecast_total === null
                ? 'needs 3 days of data'
                : `${formatPercent(row.interval_level)} interval ${formatMoney(row.forecast_lower)}–${formatMoney(row.forecast_upper)}`,
          },
          {
            label: 'Method',
            value: row.method,
            testId: 'forecast-method',
            detail: `as of ${formatInstant(row.as_of)}, ${row.history_days} days of history`,
          },
        ]}
      />
      {row.daily.length === 0 ? (
        <p className="state" role="status">
          The month is over as of this moment: its total is what was spent.
        </p>
      ) : (
        <TimeChart
          label={`Spend per day in ${row.month}: spent so far, then expected with the ${formatPercent(row.interval_level)} interval`}
          times={times}
          series={series}
          format={formatMoney}
        />
      )}
    </>
  );
}
