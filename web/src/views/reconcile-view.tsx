import type { ReactNode } from 'react';
import type { ReconciliationRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import { StatList } from '../components/stat-list.tsx';
import { formatCount, formatMoney, formatPercent } from '../format/format.ts';

/** Imported bills against metered spend per provider and model: the gap and why. */
export function ReconcileView({ state }: ViewProps): ReactNode {
  const hasRange = state.from !== '' && state.to !== '';
  const rows = useApi<ReconciliationRow[]>('reconcile', {
    by: 'provider,model',
    from: state.from,
    to: state.to,
  });
  if (!hasRange) {
    return (
      <p className="state" role="status">
        Reconciliation needs a range: choose a from and a to date above.
      </p>
    );
  }
  return (
    <>
      <p className="hint">
        Per provider and model over the range (filters do not apply). The gap is invoiced minus
        metered cost (a model with no bill shows all its metered cost as a negative gap); bypass is
        billed usage tokenops never saw, the price difference the rest. Bills come in with{' '}
        <code>tokenops import FILE --format …</code>.
      </p>
      <LoadState
        state={rows}
        what="metered or invoiced spend"
        isEmpty={(data) => data.length === 0}
      >
        {(data) => {
          const sum = (pick: (row: ReconciliationRow) => number) =>
            data.reduce((total, row) => total + pick(row), 0);
          const invoiced = sum((row) => row.invoiced_cost);
          const hasBills = data.some((row) => row.invoiced_tokens > 0 || row.invoiced_cost !== 0);
          return (
            <>
              <StatList
                label="Bill against meter"
                stats={[
                  {
                    label: 'Invoiced',
                    value: hasBills ? formatMoney(invoiced) : 'no bill imported',
                    testId: 'reconcile-invoiced',
                  },
                  {
                    label: 'Metered',
                    value: formatMoney(sum((row) => row.metered_cost)),
                    testId: 'reconcile-metered',
                  },
                  {
                    label: 'Gap',
                    value: hasBills ? formatMoney(sum((row) => row.gap)) : '—',
                    testId: 'reconcile-gap',
                  },
                ]}
              />
              {!hasBills && (
                <p className="state" role="status" data-testid="reconcile-no-bills">
                  No bill is imported for this range, so only the metered side is shown. Import a
                  provider&apos;s cost export (for example{' '}
                  <code>tokenops import costs.json --format openai-costs</code>) to see the invoiced
                  cost and the gap.
                </p>
              )}
              <DataTable
                caption="Invoiced against metered cost by provider and model"
                testId="reconcile"
                rows={data}
                rowKey={(row) => `${row.provider ?? ''} ${row.model ?? ''} ${row.day ?? ''}`}
                columns={[
                  { label: 'Provider', value: (row) => row.provider ?? '—' },
                  { label: 'Model', value: (row) => row.model ?? '—' },
                  {
                    label: 'Invoiced',
                    value: (row) => formatMoney(row.invoiced_cost),
                    numeric: true,
                  },
                  {
                    label: 'Metered',
                    value: (row) => formatMoney(row.metered_cost),
                    numeric: true,
                  },
                  { label: 'Gap', value: (row) => formatMoney(row.gap), numeric: true },
                  { label: 'Bypass', value: (row) => formatMoney(row.bypass_cost), numeric: true },
                  {
                    label: 'Price difference',
                    value: (row) => formatMoney(row.price_difference),
                    numeric: true,
                  },
                  {
                    label: 'Untagged',
                    value: (row) => formatMoney(row.untagged_cost),
                    numeric: true,
                  },
                  {
                    label: 'Metered tokens',
                    value: (row) => formatCount(row.metered_tokens),
                    numeric: true,
                  },
                  {
                    label: 'Attributed',
                    value: (row) => formatPercent(row.attributed_share),
                    numeric: true,
                  },
                  { label: 'Explanation', value: (row) => row.explanation },
                ]}
              />
            </>
          );
        }}
      </LoadState>
    </>
  );
}
