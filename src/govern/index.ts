export { createCallGovernor, type CallGovernor, type CallPermit } from './call-governor.ts';
export type { GovernedCall, GovernRefusal } from './governed-call.ts';
export type { Budget } from './budgets/budget.ts';
export { VIRTUAL_KEY_TAG } from './budgets/budget.ts';
export { budgetPeriod, type BudgetPeriodKind, type PeriodWindow } from './budgets/budget-period.ts';
export type { Policy } from './policies/policy.ts';
export type { Ledger } from './ledger/ledger.ts';
export { createMemoryLedger } from './ledger/memory-ledger.ts';
export { createRedisLedger } from './ledger/redis-ledger.ts';
export {
  createGovernanceLoop,
  type GovernanceLoop,
  type GovernanceLoopOptions,
} from './governance-loop.ts';
export { createBudgetBook, type BudgetBook } from './budgets/budget-book.ts';
export { createUsualOutput, type UsualOutput } from './budgets/usual-output.ts';
export { budgetStatuses, type BudgetStatus } from './budgets/budget-statuses.ts';
export { buildAlertRow, parseAlertRequest, type AlertRow } from './alerts/alert-request.ts';
export { nameAlertChannels, type AlertChannel } from './alerts/alert-channel.ts';
export { syncBudgetSpend, storedBudgetSpend, type BudgetBalance } from './budgets/budget-spend.ts';
export {
  ANOMALY_METRICS,
  type Anomaly,
  type AnomalyMetric,
  type AnomalyScope,
  describeScope,
} from './anomalies/anomaly.ts';
export { detectRecentAnomalies, type AnomalyOptions } from './anomalies/detect-recent-anomalies.ts';
export { parseAnomalyRequest, type AnomalyRequest } from './anomalies/anomaly-request.ts';
export { buildAnomalyRow, type AnomalyRow } from './anomalies/anomaly-row.ts';
export {
  forecastPeriodEnd,
  type DailySpend,
  type ForecastDay,
  type ForecastMethod,
  type PeriodForecast,
  type PeriodForecastInput,
} from './forecasts/forecast-period-end.ts';
export { budgetRunOut, type BudgetRunOutInput } from './forecasts/budget-run-out.ts';
export {
  forecastScopes,
  type ForecastRow,
  type ForecastScopesRequest,
} from './forecasts/forecast-scopes.ts';
export { parseForecastRequest, type ForecastRequest } from './forecasts/parse-forecast-request.ts';
export type { IntervalLevel } from './forecasts/student-t-quantile.ts';
export { estimateModelCosts, type EstimateRow } from './forecasts/estimate-model-costs.ts';
export {
  parseEstimateRequest,
  type EstimateOptions,
  type EstimateRequest,
} from './forecasts/parse-estimate-request.ts';
