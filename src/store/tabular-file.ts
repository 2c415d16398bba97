/** A CSV (plain or gzipped) or Parquet file, read by the store's engine, never by hand. */
export type TabularFormat = 'csv' | 'parquet';

export interface TabularRow {
  /** 1-based line of the file (the header is line 1); for Parquet, the row number + 1. */
  line: number;
  /** Every value as text exactly as the file holds it; empty CSV fields are null. */
  values: Record<string, string | null>;
}

export interface TabularBatch {
  columns: readonly string[];
  rows: readonly TabularRow[];
}

/**
 * Reads tabular files with the engine's own readers. Implemented by the store adapter
 * (DuckDB's read_csv / read_parquet); a file the engine cannot parse is refused with a
 * BillFileError naming the line or column.
 */
export interface TabularFileReader {
  read(path: string, format: TabularFormat, batchSize: number): AsyncIterable<TabularBatch>;
  /** Row count, for progress bars. */
  count(path: string, format: TabularFormat): Promise<number>;
}

export interface TabularColumn {
  name: string;
  /** DECIMAL is exact (38 digits, 12 after the point); TIMESTAMP values are ISO 8601 UTC text. */
  type: 'VARCHAR' | 'DECIMAL' | 'TIMESTAMP';
}

export type TabularRecord = Readonly<Record<string, string | number | null>>;

/** Writes CSV or Parquet with the engine's own writers; a failed write leaves no file behind. */
export interface TabularFileWriter {
  write(
    path: string,
    format: TabularFormat,
    columns: readonly TabularColumn[],
    batches: AsyncIterable<readonly TabularRecord[]>,
  ): Promise<number>;
}
