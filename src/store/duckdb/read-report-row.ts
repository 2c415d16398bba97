import type { DuckDBConnection } from '@duckdb/node-api';
import { REPORT_TOKEN_COLUMNS, type ReportRow, type ReportSpec } from '../report-spec.ts';
import { buildReportQuery } from '../sql/report-query.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { textCell } from '../sql/text-cell.ts';

/** A row of the report query under the names of PRODUCT.md §9 (d0, d1… become dimensions). */
export function readReportRow(spec: ReportSpec, raw: Readonly<Record<string, unknown>>): ReportRow {
  const row: Record<string, string | number> = {};
  spec.dimensions.forEach((dimension, index) => {
    row[dimension] = textCell(raw[`d${index}`]);
  });
  if (spec.grain !== 'none') row.period = textCell(raw.period);
  row.requests = Number(raw.requests);
  for (const column of REPORT_TOKEN_COLUMNS) row[column] = Number(raw[column] ?? 0);
  row.cost = Number(raw.cost);
  row.list_cost = Number(raw.list_cost);
  return row as ReportRow;
}

/** Runs a report spec through the one report builder. */
export async function queryReport(
  connection: DuckDBConnection,
  spec: ReportSpec,
): Promise<ReportRow[]> {
  const query = buildReportQuery(spec, duckDbDialect);
  const reader = await connection.runAndReadAll(query.text, query.params);
  return reader.getRowObjectsJS().map((raw) => readReportRow(spec, raw));
}
