import { useEffect, useRef, type ReactNode } from 'react';
import { init, use as registerChartParts, type ComposeOption } from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { DataTable } from './data-table.tsx';

// Only the parts drawn here are bundled: ECharts whole is several times larger.
registerChartParts([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  SVGRenderer,
]);

type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | TooltipComponentOption
>;

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  /** One per time; NaN where the series has no point (drawn as a gap). */
  values: readonly number[];
  /** Drawn as a shaded band under/over the line (a forecast interval): lower then upper. */
  band?: 'lower' | 'upper';
}

interface TimeChartProps {
  /** Read by screen readers instead of the drawing; the table below holds the numbers. */
  label: string;
  /** Instants of the points (ISO 8601 or YYYY-MM-DD, UTC). */
  times: readonly string[];
  series: readonly ChartSeries[];
  format: (value: number) => string;
  /** Spans to shade (anomalies): [start, end) as ISO instants. */
  marks?: readonly { start: string; end: string; name: string }[];
}

/** A time series chart with its data as a table, for screen readers and exact values. */
export function TimeChart({ label, times, series, format, marks = [] }: TimeChartProps): ReactNode {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    chart.setOption(chartOption(times, series, format, marks));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [times, series, format, marks]);
  return (
    <figure className="chart">
      <div className="chart-canvas" role="img" aria-label={label}>
        {/* The drawing is hidden from screen readers: the label and the table say it all. */}
        <div ref={element} className="chart-drawing" aria-hidden="true" />
      </div>
      <details>
        <summary>Show the data as a table</summary>
        <DataTable
          caption={label}
          columns={[
            { label: 'Time', value: (index: number) => times[index] },
            ...series.map((one) => ({
              label: one.name,
              value: (index: number) => {
                const value = one.values[index] ?? NaN;
                return Number.isFinite(value) ? format(value) : '—';
              },
              numeric: true,
            })),
          ]}
          rows={times.map((_time, index) => index)}
          rowKey={(index) => String(index)}
        />
      </details>
    </figure>
  );
}

function chartOption(
  times: readonly string[],
  series: readonly ChartSeries[],
  format: (value: number) => string,
  marks: readonly { start: string; end: string; name: string }[],
): ChartOption {
  const at = times.map((time) => Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time));
  const lower = series.find((one) => one.band === 'lower');
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => format(Number(value)) },
    legend: { top: 0 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format(value) } },
    series: series.map((one, index): BarSeriesOption | LineSeriesOption => {
      const data = one.values.map((value, point) => [
        at[point] ?? 0,
        // A band is drawn stacked: the upper series carries upper − lower above the lower one.
        one.band === 'upper' ? value - (lower?.values[point] ?? 0) : value,
      ]);
      const markArea =
        index === 0 && marks.length > 0
          ? {
              itemStyle: { color: 'rgba(220, 38, 38, 0.18)' },
              // Names of overlapping spans would print over each other; the tooltip has them.
              label: { show: false },
              data: marks.map(
                (mark) =>
                  [
                    { name: mark.name, xAxis: Date.parse(mark.start) },
                    { xAxis: Date.parse(mark.end) },
                  ] as [{ name: string; xAxis: number }, { xAxis: number }],
              ),
            }
          : undefined;
      if (one.kind === 'bar')
        return { type: 'bar', name: one.name, data, ...(markArea ? { markArea } : {}) };
      return {
        type: 'line',
        name: one.name,
        data,
        showSymbol: false,
        ...(one.band ? { stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none' } : {}),
        ...(one.band === 'upper' ? { areaStyle: { opacity: 0.25 } } : {}),
        ...(markArea ? { markArea } : {}),
      };
    }),
  };
}
