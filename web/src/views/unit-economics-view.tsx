import type { ReactNode } from 'react';
import type { UnitEconomicsRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import { formatCount, formatMoney, formatPercent, formatUnitMoney } from '../format/format.ts';
import { reportQuery } from './report-query.ts';

/** What each feature costs per request, per success and per active user over the range. */
export function UnitEconomicsView({ state }: ViewProps): ReactNode {
  const rows = useApi<UnitEconomicsRow[]>('unit-economics', reportQuery(state, { by: 'feature' }));
  return (
    <>
      <p className="hint">
        Per feature over the range and filters. Cost per success counts every call, retries and
        failures included, against the requests that succeeded. Revenue is imported per feature, so
        it shows only while every filter is on feature.
      </p>
      <LoadState state={rows} what="unit economics" isEmpty={(data) => data.length === 0}>
        {(data) => (
          <DataTable
            caption="Unit economics by feature"
            testId="unit-economics"
            rows={data}
            rowKey={(row) => String(row.feature)}
            columns={[
              { label: 'Feature', value: (row) => String(row.feature) },
              { label: 'Requests', value: (row) => formatCount(row.requests), numeric: true },
              { label: 'Cost', value: (row) => formatMoney(row.cost), numeric: true },
              {
                label: 'Per request',
                value: (row) => formatUnitMoney(row.cost_per_request),
                numeric: true,
              },
              {
                label: 'Success rate',
                value: (row) => formatPercent(row.success_rate),
                numeric: true,
              },
              {
                label: 'Per success',
                value: (row) => formatUnitMoney(row.cost_per_success),
                numeric: true,
              },
              {
                label: 'Active users',
                value: (row) => formatCount(row.active_users),
                numeric: true,
              },
              {
                label: 'Per active user',
                value: (row) => formatUnitMoney(row.cost_per_active_user),
                numeric: true,
              },
            ]}
          />
        )}
      </LoadState>
    </>
  );
}
