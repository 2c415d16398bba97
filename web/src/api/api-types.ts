import type { z } from 'zod';
import type {
  alertRowSchema,
  anomalyRowSchema,
  budgetStatusSchema,
  errorSchema,
  layersRowSchema,
  reconciliationRowSchema,
  reportRowSchema,
  traceRowSchema,
  traceTreeSchema,
  unitEconomicsRowSchema,
  yieldRowSchema,
} from '../../../src/server/api-schemas.ts';

/** Row shapes of the public API the dashboard reads (docs/api.md). */
export type ReportRow = z.infer<typeof reportRowSchema>;
export type AnomalyRow = z.infer<typeof anomalyRowSchema>;
export type ApiErrorBody = z.infer<typeof errorSchema>;
export type BudgetRow = z.infer<typeof budgetStatusSchema>;
export type AlertRow = z.infer<typeof alertRowSchema>;
export type UnitEconomicsRow = z.infer<typeof unitEconomicsRowSchema>;
export type LayersRow = z.infer<typeof layersRowSchema>;
export type YieldRow = z.infer<typeof yieldRowSchema>;
export type TraceRow = z.infer<typeof traceRowSchema>;
export type TraceTree = z.infer<typeof traceTreeSchema>;
export type ReconciliationRow = z.infer<typeof reconciliationRowSchema>;

// The recommendation row is described in the server's recommendations-openapi.ts, which is not
// public to the dashboard: this follows docs/recommendations.md.
export interface RecommendationRow {
  kind: string;
  scope: Record<string, string>;
  title: string;
  change: { scenario: { kind: string; [key: string]: unknown }; where: Record<string, string> };
  monthly_saving: number;
  evidence: Record<string, string | number>;
  quality_risk: { level: 'low' | 'medium' | 'high'; reason: string };
  whatif: string;
}

// The forecast row is described in the server's forecast-openapi.ts, which is not public to
// the dashboard: this follows docs/api.md.
export interface ForecastDay {
  day: string;
  expected: number;
  lower: number;
  upper: number;
}

export interface ForecastRow {
  month: string;
  as_of: string;
  method: string;
  history_days: number;
  spent_to_date: number;
  /** null below 3 days of data. */
  forecast_total: number | null;
  forecast_lower: number | null;
  forecast_upper: number | null;
  interval_level: number;
  daily: ForecastDay[];
  [dimension: string]: unknown;
}
