import type { ReactNode } from 'react';
import type { LayersRow, YieldRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import { formatCount, formatMoney, formatPercent } from '../format/format.ts';
import { reportQuery } from './report-query.ts';

/** A cost and its share of the row's total, as `$12.30 (18%)`. */
function costWithShare(cost: number, share: number | null): string {
  return `${formatMoney(cost)} (${formatPercent(share)})`;
}

/** The five layers of each feature's cost, then how many tokens bought a success. */
export function LayersView({ state }: ViewProps): ReactNode {
  const layers = useApi<LayersRow[]>('layers', reportQuery(state, { by: 'feature' }));
  const yields = useApi<YieldRow[]>('yield', reportQuery(state, { by: 'team,feature' }));
  return (
    <>
      <p className="hint">
        Per feature over the range and filters. System prompt, context, output and retries add up to
        the total; the model premium is the part a cheaper allowed model would have saved.
      </p>
      <section aria-labelledby="layers-heading">
        <h2 id="layers-heading">Cost layers</h2>
        <LoadState state={layers} what="cost layers" isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              caption="Cost layers by feature"
              testId="layers"
              rows={rows}
              rowKey={(row) => String(row.feature)}
              columns={[
                { label: 'Feature', value: (row) => String(row.feature) },
                { label: 'Total', value: (row) => formatMoney(row.total_cost), numeric: true },
                {
                  label: 'System prompt',
                  value: (row) => costWithShare(row.system_prompt_cost, row.system_prompt_share),
                  numeric: true,
                },
                {
                  label: 'Context',
                  value: (row) => costWithShare(row.context_cost, row.context_share),
                  numeric: true,
                },
                {
                  label: 'Output',
                  value: (row) => costWithShare(row.output_cost, row.output_share),
                  numeric: true,
                },
                {
                  label: 'Retries',
                  value: (row) => costWithShare(row.retry_cost, row.retry_share),
                  numeric: true,
                },
                {
                  label: 'Model premium',
                  value: (row) => costWithShare(row.model_premium_cost, row.model_premium_share),
                  numeric: true,
                },
              ]}
            />
          )}
        </LoadState>
      </section>
      <section aria-labelledby="yield-heading">
        <h2 id="yield-heading">Yield</h2>
        <LoadState state={yields} what="yield" isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              caption="Token yield by team and feature"
              testId="yield"
              rows={rows}
              rowKey={(row) => `${String(row.team)} ${String(row.feature)}`}
              columns={[
                { label: 'Team', value: (row) => String(row.team) },
                { label: 'Feature', value: (row) => String(row.feature) },
                { label: 'Tokens', value: (row) => formatCount(row.tokens), numeric: true },
                { label: 'Yield', value: (row) => formatPercent(row.yield_rate), numeric: true },
                {
                  label: 'Goodput',
                  value: (row) => formatPercent(row.goodput_rate),
                  numeric: true,
                },
                {
                  label: 'With outcome',
                  value: (row) => formatPercent(row.outcome_coverage),
                  numeric: true,
                },
              ]}
            />
          )}
        </LoadState>
      </section>
    </>
  );
}
