import type { ReactNode } from 'react';
import type { ReportRow } from '../api/api-types.ts';
import type { ApiState } from '../api/use-api.ts';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import { formatCount, formatMoney } from '../format/format.ts';
import { totalTokens } from './report-query.ts';

const TOP_ROWS = 5;

/** The five costliest values of one dimension. */
export function TopTable(props: {
  title: string;
  dimension: string;
  state: ApiState<ReportRow[]>;
}): ReactNode {
  const { title, dimension, state } = props;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <LoadState state={state} what={title.toLowerCase()} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <DataTable
            caption={`${title} by cost`}
            testId={`top-${dimension}`}
            rows={[...rows].sort((a, b) => b.cost - a.cost).slice(0, TOP_ROWS)}
            rowKey={(row) => String(row[dimension])}
            columns={[
              { label: dimension, value: (row) => String(row[dimension]) },
              { label: 'Cost', value: (row) => formatMoney(row.cost), numeric: true },
              { label: 'Tokens', value: (row) => formatCount(totalTokens(row)), numeric: true },
            ]}
          />
        )}
      </LoadState>
    </section>
  );
}
