import type { ReactNode } from 'react';
import type { TraceRow, TraceTree } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import {
  formatCount,
  formatDuration,
  formatInstant,
  formatMoney,
  formatUnitMoney,
} from '../format/format.ts';
import { reportQuery } from './report-query.ts';

/** The costliest agent traces of the range; choosing one opens its call tree. */
export function TracesView({ state, navigate }: ViewProps): ReactNode {
  const traces = useApi<TraceRow[]>('traces', reportQuery(state, { top: '10' }));
  return (
    <>
      <p className="hint">
        The ten costliest traces over the range, counting the calls that match the filters. Fan-out
        is all the trace's tokens over its first call's.
      </p>
      <LoadState state={traces} what="traces" isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <DataTable
            caption="Costliest traces; choose one to see its calls"
            testId="traces"
            rows={rows}
            rowKey={(row) => row.trace_id}
            columns={[
              {
                label: 'Trace',
                value: (row) => (
                  <button
                    type="button"
                    className="link"
                    aria-pressed={row.trace_id === state.trace}
                    onClick={() => navigate({ trace: row.trace_id })}
                  >
                    {row.trace_id}
                  </button>
                ),
              },
              { label: 'Feature', value: (row) => row.feature ?? '—' },
              { label: 'Start', value: (row) => formatInstant(row.start) },
              { label: 'Calls', value: (row) => formatCount(row.calls), numeric: true },
              { label: 'Tokens', value: (row) => formatCount(row.tokens), numeric: true },
              { label: 'Cost', value: (row) => formatMoney(row.cost), numeric: true },
              {
                label: 'Fan-out',
                value: (row) => (row.fan_out === null ? '—' : `${row.fan_out.toFixed(1)}×`),
                numeric: true,
              },
              { label: 'Duration', value: (row) => formatDuration(row.duration_ms), numeric: true },
            ]}
          />
        )}
      </LoadState>
      {state.trace && <TraceCalls traceId={state.trace} />}
    </>
  );
}

function TraceCalls({ traceId }: { traceId: string }): ReactNode {
  const tree = useApi<TraceTree>(`traces/${encodeURIComponent(traceId)}`, {});
  return (
    <section aria-labelledby="tree-heading">
      <h2 id="tree-heading">Calls of {traceId}</h2>
      <LoadState state={tree} what="the trace's calls" isEmpty={(data) => data.steps.length === 0}>
        {(data) => (
          <DataTable
            caption={`${data.calls} calls, ${formatMoney(data.cost)}; indented under the call that made them`}
            testId="trace-tree"
            rows={data.steps}
            rowKey={(step) => String(step.step)}
            columns={[
              { label: 'Step', value: (step) => String(step.step), numeric: true },
              {
                label: 'Call',
                value: (step) => (
                  <span style={{ paddingLeft: `${step.depth * 1.25}em` }}>
                    {step.call.trim()}
                    {step.grew_most ? ' (grew most)' : ''}
                  </span>
                ),
              },
              { label: 'Status', value: (step) => step.status },
              { label: 'Input', value: (step) => formatCount(step.input_tokens), numeric: true },
              { label: 'Output', value: (step) => formatCount(step.output_tokens), numeric: true },
              { label: 'Cost', value: (step) => formatUnitMoney(step.cost), numeric: true },
              {
                label: 'Context growth',
                value: (step) => formatCount(step.context_growth),
                numeric: true,
              },
            ]}
          />
        )}
      </LoadState>
    </section>
  );
}
