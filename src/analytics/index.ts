export { parseFilters, parseReportRequest, type ReportRequest } from './report-request.ts';
export { parseTimeRange, parseTimeBound } from './parse-time-range.ts';
export {
  explainReconciliation,
  parseReconcileRequest,
  type ReconciliationRow,
} from './reconciliation.ts';
export { buildFocusRows } from './focus/build-focus-rows.ts';
export { createLongContextLookup } from './focus/create-long-context-lookup.ts';
export {
  FOCUS_COLUMNS,
  FOCUS_DECIMAL,
  type FocusColumn,
  type FocusColumnName,
  type FocusDataType,
  type FocusRow,
  type FocusStorageType,
} from './focus/focus-columns.ts';
export {
  buildFocusMetadata,
  FOCUS_VERSION,
  type FocusMetadata,
  type FocusMetadataOptions,
} from './focus/focus-metadata.ts';
export type { FocusAccount, FocusOptions } from './focus/focus-options.ts';
export { summarizeFocusRows, type FocusExportSummary } from './focus/summarize-focus-rows.ts';
export { computeChargeback } from './chargeback/compute-chargeback.ts';
export {
  CHARGEBACK_MODES,
  parseChargebackRequest,
  type ChargebackMode,
  type ChargebackRequest,
} from './chargeback/parse-chargeback-request.ts';
export type {
  ChargebackLine,
  ChargebackStatement,
  PoolSource,
} from './chargeback/chargeback-statement.ts';
export {
  explainUnitEconomics,
  type UnitEconomicsRow,
} from './unit-economics/explain-unit-economics.ts';
export { parseUnitEconomicsRequest } from './unit-economics/parse-unit-economics-request.ts';
export { parseInsightRequest, type InsightRequest } from './insight-request.ts';
export { buildLayersReport, type LayersRow } from './layers-report.ts';
export type { ReferenceModel } from './reference-model.ts';
export { buildYieldRow, latencyObjectives, type YieldRow } from './yield-report.ts';
export { buildTraceRow, parseTopTracesRequest, type TraceRow } from './traces-report.ts';
export { buildTraceTree, type TraceStep, type TraceTree } from './trace-tree.ts';
export { explainSpendChange, type SpendChangeRow } from './explain-spend-change.ts';
export { parsePeriod, type Period } from './parse-period.ts';
export { spendChangeReport } from './spend-change-report.ts';
