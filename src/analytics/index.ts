export { parseReportRequest, type ReportRequest } from './report-request.ts';
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
