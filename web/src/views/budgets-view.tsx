import type { ReactNode } from 'react';
import type { AlertRow, BudgetRow } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import type { ViewProps } from '../app.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LoadState } from '../components/load-state.tsx';
import { formatInstant, formatMoney, formatPercent } from '../format/format.ts';

export function scopeText(scope: Record<string, string>): string {
  const parts = Object.entries(scope).map(([key, value]) => `${key} = ${value}`);
  return parts.length === 0 ? 'everything' : parts.join(', ');
}

function forecastText(budget: BudgetRow): string {
  if (budget.forecast_usd === null) return '—';
  return `${formatMoney(budget.forecast_usd)} (${formatMoney(budget.forecast_lower_usd)}–${formatMoney(budget.forecast_upper_usd)})`;
}

/** Budgets in their current period (the range does not apply) and the alerts of the range. */
export function BudgetsView({ state }: ViewProps): ReactNode {
  const budgets = useApi<BudgetRow[]>('budgets', {});
  const alerts = useApi<AlertRow[]>('alerts', { from: state.from, to: state.to });
  return (
    <>
      <section aria-labelledby="budgets-heading">
        <h2 id="budgets-heading">Budgets</h2>
        <p className="hint">
          Each budget in its current period; the forecast is for the period's end, with an 80 %
          interval.
        </p>
        <LoadState state={budgets} what="budgets" isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              caption="Budgets"
              testId="budgets"
              rows={rows}
              rowKey={(row) => row.name}
              columns={[
                { label: 'Budget', value: (row) => `${row.name}${row.hard ? ' (hard)' : ''}` },
                { label: 'Scope', value: (row) => scopeText(row.scope) },
                { label: 'Spent', value: (row) => formatMoney(row.spent_usd), numeric: true },
                { label: 'Limit', value: (row) => formatMoney(row.limit_usd), numeric: true },
                {
                  label: 'Used',
                  value: (row) => <ShareBar share={row.share_used} name={row.name} />,
                },
                { label: 'Forecast', value: forecastText, numeric: true },
                { label: 'Runs out on', value: (row) => row.runs_out_on ?? 'not this period' },
                { label: 'Resets', value: (row) => formatInstant(row.resets_at) },
              ]}
            />
          )}
        </LoadState>
      </section>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts</h2>
        <LoadState state={alerts} what="alerts" isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              caption="Alerts, newest first"
              testId="alerts"
              rows={rows}
              rowKey={(row) => row.key}
              columns={[
                { label: 'When', value: (row) => formatInstant(row.created_at) },
                { label: 'Kind', value: (row) => row.kind },
                { label: 'Severity', value: (row) => row.severity },
                { label: 'Alert', value: (row) => row.title },
                { label: 'Delivery', value: deliveryText },
              ]}
            />
          )}
        </LoadState>
      </section>
    </>
  );
}

function deliveryText(alert: AlertRow): string {
  if (alert.deliveries.length === 0) return 'no channel';
  return alert.deliveries
    .map(
      (delivery) =>
        `${delivery.channel}: ${delivery.state} (${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'})`,
    )
    .join('; ');
}

function ShareBar({ share, name }: { share: number; name: string }): ReactNode {
  const level = share >= 1 ? 'over' : share >= 0.8 ? 'near' : 'ok';
  return (
    <span className="share">
      <span
        className={`share-bar share-${level}`}
        role="meter"
        aria-label={`${name}: share of the limit used`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <span style={{ width: `${Math.min(100, share * 100)}%` }} />
      </span>
      {formatPercent(share)}
    </span>
  );
}
