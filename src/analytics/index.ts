export { parseReportRequest, type ReportRequest } from './report-request.ts';
export { parseTimeRange, parseTimeBound } from './parse-time-range.ts';
export {
  explainReconciliation,
  parseReconcileRequest,
  type ReconciliationRow,
} from './reconciliation.ts';
