import { renameSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type {
  TabularColumn,
  TabularFileWriter,
  TabularFormat,
  TabularRecord,
} from '../tabular-file.ts';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * CSV and Parquet through DuckDB's COPY on an in-memory engine: exact decimals, UTC
 * timestamps in Parquet, RFC 4180 quoting and empty fields for null in CSV. The file appears
 * under its name only once complete.
 */
export class DuckDbTabularWriter implements TabularFileWriter {
  async write(
    path: string,
    format: TabularFormat,
    columns: readonly TabularColumn[],
    batches: AsyncIterable<readonly TabularRecord[]>,
  ): Promise<number> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const partial = `${path}.partial`;
    try {
      const definitions = columns.map(
        (column) =>
          `${quote(column.name)} ${column.type === 'DECIMAL' ? 'DECIMAL(38,12)' : 'VARCHAR'}`,
      );
      await connection.run(`CREATE TABLE output (${definitions.join(', ')})`);
      const appender = await connection.createAppender('output');
      let rows = 0;
      try {
        for await (const batch of batches) {
          for (const record of batch) {
            for (const column of columns) {
              const value = record[column.name] ?? null;
              if (value === null) appender.appendNull();
              else if (typeof value === 'number') appender.appendDouble(value);
              else appender.appendVarchar(value);
            }
            appender.endRow();
            rows += 1;
          }
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
      // Parquet keeps real UTC timestamps; CSV keeps the ISO 8601 text FOCUS asks for.
      const select = columns
        .map((column) =>
          format === 'parquet' && column.type === 'TIMESTAMP'
            ? `CAST(${quote(column.name)} AS TIMESTAMPTZ) AS ${quote(column.name)}`
            : quote(column.name),
        )
        .join(', ');
      const options = format === 'parquet' ? 'FORMAT parquet' : 'FORMAT csv, HEADER true';
      await connection.run(
        `COPY (SELECT ${select} FROM output) TO '${partial.replaceAll("'", "''")}' (${options})`,
      );
      renameSync(partial, path);
      return rows;
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }
}
