import { useMemo, type ReactNode } from 'react';
import type { AnomalyRow, ReportRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import { TimeChart } from '../components/time-chart.tsx';
import { formatCount, formatInstant, formatMoney } from '../format/format.ts';
import { scopeText } from './budgets-view.tsx';
import { reportQuery } from './report-query.ts';

/** Cost in USD; every other metric is a count or a rate. */
function anomalyValue(row: AnomalyRow, value: number): string {
  return row.metric === 'cost' ? formatMoney(value) : formatCount(value);
}

/** One shaded span per distinct time span: a team's cost and token spikes often coincide. */
function anomalySpans(rows: readonly AnomalyRow[]): { start: string; end: string; name: string }[] {
  const spans = new Map<string, { start: string; end: string; name: string }>();
  for (const row of rows) {
    const name = `${scopeText(row.scope)} ${row.metric.replaceAll('_', ' ')}`;
    const key = `${row.start} ${row.end}`;
    const found = spans.get(key);
    spans.set(key, {
      start: row.start,
      end: row.end,
      name: found ? `${found.name}; ${name}` : name,
    });
  }
  return [...spans.values()];
}

/** Hourly cost with the anomalies of the range shaded over it, then the anomalies listed. */
export function AnomaliesView({ state }: ViewProps): ReactNode {
  const hourly = useApi<ReportRow[]>('report', reportQuery(state, { grain: 'hour' }));
  const anomalies = useApi<AnomalyRow[]>('anomalies', {
    by: 'team',
    from: state.from,
    to: state.to,
  });
  const marks = useMemo(
    () => (anomalies.status === 'ready' ? anomalySpans(anomalies.data) : []),
    [anomalies],
  );
  return (
    <>
      <p className="hint">
        Anomalies by team (and runaway traces) over the range; without a range, the last 24 stored
        hours. The filters apply to the chart.
      </p>
      <LoadState state={hourly} what="hourly spend" isEmpty={(rows) => rows.length === 0}>
        {(rows) => <HourlyChart rows={rows} marks={marks} />}
      </LoadState>
      <section aria-labelledby="anomalies-heading">
        <h2 id="anomalies-heading">Anomalies</h2>
        <LoadState state={anomalies} what="anomalies" isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              caption="Anomalies found in the range"
              testId="anomalies"
              rows={rows}
              rowKey={(row) => row.key}
              columns={[
                { label: 'Scope', value: (row) => scopeText(row.scope) },
                { label: 'Kind', value: (row) => row.kind },
                { label: 'Metric', value: (row) => row.metric.replaceAll('_', ' ') },
                { label: 'Start', value: (row) => formatInstant(row.start) },
                { label: 'End', value: (row) => formatInstant(row.end) },
                {
                  label: 'Observed',
                  value: (row) => anomalyValue(row, row.observed),
                  numeric: true,
                },
                {
                  label: 'Expected',
                  value: (row) => anomalyValue(row, row.expected),
                  numeric: true,
                },
                { label: 'Score', value: (row) => row.score.toFixed(1), numeric: true },
              ]}
            />
          )}
        </LoadState>
      </section>
    </>
  );
}

function HourlyChart(props: {
  rows: ReportRow[];
  marks: readonly { start: string; end: string; name: string }[];
}): ReactNode {
  const { rows, marks } = props;
  const times = useMemo(() => rows.map((row) => row.period ?? ''), [rows]);
  const series = useMemo(
    () => [
      { name: 'Cost per hour (USD)', kind: 'line' as const, values: rows.map((row) => row.cost) },
    ],
    [rows],
  );
  return (
    <TimeChart
      label={`Cost per hour with ${marks.length} anomalous spans shaded`}
      times={times}
      series={series}
      format={formatMoney}
      marks={marks}
    />
  );
}
