import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { BillFileError } from '../../domain/errors/index.ts';
import { readCsvHeader } from './read-csv-header.ts';
import type {
  TabularBatch,
  TabularFileReader,
  TabularFormat,
  TabularRow,
} from '../tabular-file.ts';

const FIX = 'check that the file is the export named by --format, complete and not truncated';

/**
 * CSV (plain or .gz) and Parquet through DuckDB's own readers, on an in-memory engine apart
 * from the store. Every value comes back as text so importers decide what a column means.
 */
export class DuckDbTabularReader implements TabularFileReader {
  private connection?: Promise<DuckDBConnection>;

  async *read(path: string, format: TabularFormat, batchSize: number): AsyncIterable<TabularBatch> {
    const connection = await this.connect();
    const source = await this.run(() => this.source(path, format), path, format);
    const result = await this.run(() => connection.stream(source, [path]), path, format);
    const columns = result.columnNames();
    let line = 1;
    let rows: TabularRow[] = [];
    const iterator = result.yieldRowObjectJs()[Symbol.asyncIterator]();
    for (;;) {
      const next = await this.run(() => iterator.next(), path, format, line + 1);
      if (next.done) break;
      for (const values of next.value) {
        line += 1;
        rows.push({ line, values: values as Record<string, string | null> });
        if (rows.length >= batchSize) {
          yield { columns, rows };
          rows = [];
        }
      }
    }
    // A header-only file still yields its columns, so importers can check them.
    if (rows.length > 0 || line === 1) yield { columns, rows };
  }

  async count(path: string, format: TabularFormat): Promise<number> {
    const connection = await this.connect();
    const source = await this.run(() => this.source(path, format), path, format);
    const reader = await this.run(
      () => connection.runAndReadAll(`SELECT count(*) AS rows FROM (${source})`, [path]),
      path,
      format,
    );
    return Number(reader.getRowObjectsJS()[0]?.rows ?? 0);
  }

  close(): void {
    void this.connection?.then((connection) => connection.closeSync());
  }

  private async source(path: string, format: TabularFormat): Promise<string> {
    if (format === 'parquet') return 'SELECT COLUMNS(*)::VARCHAR FROM read_parquet($1)';
    const header = await readCsvHeader(path);
    if (header.length === 0 || header.every((name) => name.trim() === '')) {
      throw new BillFileError(path, 'line 1', 'the file is empty or has no header row', FIX);
    }
    // Declared columns, every one text: the importer, not a sniffer, decides what a value means.
    const columns = header.map((name) => `'${name.replaceAll("'", "''")}': 'VARCHAR'`).join(', ');
    return `SELECT * FROM read_csv($1, header = true, auto_detect = false, strict_mode = true, delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
  }

  private connect(): Promise<DuckDBConnection> {
    this.connection ??= DuckDBInstance.create(':memory:').then((instance) => instance.connect());
    return this.connection;
  }

  /** Turns the engine's parse errors into a BillFileError that names the line at fault. */
  private async run<T>(
    work: () => Promise<T>,
    path: string,
    format: TabularFormat,
    line?: number,
  ): Promise<T> {
    if (!existsSync(path)) {
      throw new BillFileError(path, undefined, 'no such file', 'check the path');
    }
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof BillFileError) throw error;
      const engineLine = format === 'csv' ? /line:? (\d+)/i.exec(message)?.[1] : undefined;
      const where = engineLine
        ? `line ${engineLine}`
        : line && format === 'csv'
          ? `near line ${line}`
          : undefined;
      const reason = message
        .split('\n')
        .filter((part) => /error|expected|could not|invalid/i.test(part))
        .slice(0, 2)
        .join('; ');
      throw new BillFileError(
        path,
        where,
        (reason || message).replace(/^[A-Za-z ]+Error: /, ''),
        FIX,
      );
    }
  }
}
