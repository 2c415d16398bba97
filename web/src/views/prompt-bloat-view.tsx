import { useMemo, type ReactNode } from 'react';
import type { LayersRow } from '../api/api-types.ts';
import { useApiAll } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import { TimeChart, type ChartSeries } from '../components/time-chart.tsx';
import { formatCount, formatMoney, formatPercent } from '../format/format.ts';

const DAY = 86_400_000;

/** The range cut into weeks from its first day; the last week ends on the range's last day. */
export function weeksOf(from: string, to: string): { from: string; to: string }[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const weeks: { from: string; to: string }[] = [];
  if (!Number.isFinite(start) || !Number.isFinite(end)) return weeks;
  for (let day = start; day <= end; day += 7 * DAY) {
    const last = Math.min(day + 6 * DAY, end);
    weeks.push({
      from: new Date(day).toISOString().slice(0, 10),
      to: new Date(last).toISOString().slice(0, 10),
    });
  }
  return weeks;
}

interface WeekRow {
  week: string;
  weekEnd: string;
  row: LayersRow;
}

/** Per feature, the system prompt's (and tool definitions') cost week by week. */
export function PromptBloatView({ state }: ViewProps): ReactNode {
  const weeks = useMemo(() => weeksOf(state.from, state.to), [state.from, state.to]);
  const answers = useApiAll<LayersRow[]>(
    weeks.map((week) => ({
      path: 'layers',
      query: { by: 'feature', where: state.where, ...week },
    })),
  );
  if (weeks.length === 0) {
    return (
      <p className="state" role="status">
        Prompt bloat is shown week by week: choose a from and a to date above.
      </p>
    );
  }
  return (
    <>
      <p className="hint">
        Per feature and week of the range, counted from its first day, over the filters: the input
        cost of system-prompt and tool-definition tokens, from the cost layers of each week. A line
        that climbs is a prompt that grows.
      </p>
      <LoadState
        state={answers}
        what="system prompt cost"
        isEmpty={(data) => data.every((rows) => rows.length === 0)}
      >
        {(data) => {
          const features = [
            ...new Set(data.flatMap((rows) => rows.map((row) => String(row.feature)))),
          ].sort();
          const series: ChartSeries[] = features.map((feature) => ({
            name: feature,
            kind: 'line',
            values: data.map(
              (rows) => rows.find((row) => row.feature === feature)?.system_prompt_cost ?? NaN,
            ),
          }));
          const table: WeekRow[] = features.flatMap((feature) =>
            data.flatMap((rows, index) => {
              const row = rows.find((one) => one.feature === feature);
              const week = weeks[index];
              return row && week ? [{ week: week.from, weekEnd: week.to, row }] : [];
            }),
          );
          return (
            <>
              <TimeChart
                label={`Weekly system prompt cost by feature, ${weeks.length} weeks from ${state.from}`}
                times={weeks.map((week) => week.from)}
                series={series}
                format={formatMoney}
              />
              <DataTable
                caption="System prompt cost by feature and week"
                testId="prompt-bloat"
                rows={table}
                rowKey={(one) => `${String(one.row.feature)} ${one.week}`}
                columns={[
                  { label: 'Feature', value: (one) => String(one.row.feature) },
                  { label: 'Week', value: (one) => `${one.week} – ${one.weekEnd}` },
                  {
                    label: 'System prompt',
                    value: (one) => formatMoney(one.row.system_prompt_cost),
                    numeric: true,
                  },
                  {
                    label: 'Share of cost',
                    value: (one) => formatPercent(one.row.system_prompt_share),
                    numeric: true,
                  },
                  { label: 'Calls', value: (one) => formatCount(one.row.calls), numeric: true },
                ]}
              />
            </>
          );
        }}
      </LoadState>
    </>
  );
}
