import { StoreError } from '../../domain/errors/index.ts';

/** The error of a Store method the ClickHouse adapter does not have yet (docs/clickhouse.md). */
export function notOnClickHouseYet(method: string): StoreError {
  return new StoreError(
    `${method} is not implemented on ClickHouse yet`,
    'use the embedded DuckDB store (remove store.url) for this command; see docs/clickhouse.md',
  );
}
