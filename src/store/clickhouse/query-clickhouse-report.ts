import { REPORT_TOKEN_COLUMNS, type ReportRow, type ReportSpec } from '../report-spec.ts';
import { buildReportQuery } from '../sql/report-query.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/**
 * Runs a report spec through the one report builder. Rows come back as on DuckDB: text keys,
 * numbers for counts (ClickHouse quotes 64-bit integers in JSON) and costs.
 */
export async function queryClickHouseReport(
  connection: ClickHouseConnection,
  spec: ReportSpec,
): Promise<ReportRow[]> {
  const raw = await connection.rows(buildReportQuery(spec, clickHouseDialect));
  return raw.map((cells) => {
    const row: Record<string, string | number> = {};
    spec.dimensions.forEach((dimension, index) => {
      row[dimension] = String(cells[`d${index}`]);
    });
    if (spec.grain !== 'none') row.period = String(cells.period);
    row.requests = Number(cells.requests);
    for (const column of REPORT_TOKEN_COLUMNS) row[column] = Number(cells[column] ?? 0);
    row.cost = Number(cells.cost);
    row.list_cost = Number(cells.list_cost);
    return row as ReportRow;
  });
}
