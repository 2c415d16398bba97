import { Readable } from 'node:stream';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { StoreError } from '../../domain/errors/index.ts';
import type { SqlQuery } from '../sql/sql-dialect.ts';
import type { ClickHouseLocation } from './clickhouse-url.ts';
import { quoteClickHouseText, renderClickHouseQuery } from './render-clickhouse-query.ts';

export type ClickHouseRow = Readonly<Record<string, unknown>>;

/** ClickHouse parses at most this much query text unless told more (an IN list can be long). */
const DEFAULT_MAX_QUERY_SIZE = 262_144;
/** A streamed read sorts in memory up to this much, then on disk. */
const SPILL_BYTES = String(1 << 30);

/**
 * The HTTP interface of one ClickHouse database through @clickhouse/client. Every failure
 * becomes a StoreError whose message keeps ClickHouse's code and reason, not the query.
 */
export class ClickHouseConnection {
  private constructor(
    private readonly client: ClickHouseClient,
    readonly location: ClickHouseLocation,
  ) {}

  /**
   * A connection to one database of the server, the location's by default; creates nothing
   * (`openClickHouseDatabase` creates the location's database first).
   */
  static open(location: ClickHouseLocation, database = location.database): ClickHouseConnection {
    return new ClickHouseConnection(clientFor(location, database), location);
  }

  /** Rows of a query (text with placeholders, or fixed text), as JSON objects. */
  async rows(query: SqlQuery | string): Promise<ClickHouseRow[]> {
    const text = typeof query === 'string' ? query : renderClickHouseQuery(query);
    return guard(this.location, async () => {
      const result = await this.client.query({
        query: text,
        format: 'JSONEachRow',
        clickhouse_settings: querySize(text),
      });
      return result.json<ClickHouseRow>();
    });
  }

  /**
   * Rows of a query in order, `batchSize` at a time, read from the response as they arrive
   * (one query: paging a time range would re-read the rest of the range for every page).
   * Stopping early closes the response. A large sort spills to disk instead of failing.
   */
  async *batches(query: SqlQuery, batchSize: number): AsyncIterable<ClickHouseRow[]> {
    const text = renderClickHouseQuery(query);
    const size = Math.max(1, Math.floor(batchSize));
    const result = await guard(this.location, () =>
      this.client.query({
        query: text,
        format: 'JSONEachRow',
        clickhouse_settings: { ...querySize(text), max_bytes_before_external_sort: SPILL_BYTES },
      }),
    );
    try {
      let batch: ClickHouseRow[] = [];
      for await (const rows of result.stream<ClickHouseRow>()) {
        for (const row of rows) {
          batch.push(row.json());
          if (batch.length === size) {
            yield batch;
            batch = [];
          }
        }
      }
      if (batch.length > 0) yield batch;
    } catch (error) {
      throw toStoreError(this.location, error);
    } finally {
      result.close();
    }
  }

  /** A statement without rows (DDL, ALTER … DELETE). */
  async command(text: string): Promise<void> {
    await guard(this.location, () =>
      this.client.command({ query: text, clickhouse_settings: querySize(text) }),
    );
  }

  /** Inserts TabSeparated text into `columns` of `table` as one insert. */
  async insertTabSeparated(table: string, columns: string[], text: string): Promise<void> {
    const [first, ...rest] = columns;
    if (first === undefined) return;
    await guard(this.location, () =>
      this.client.insert({
        table,
        columns: [first, ...rest],
        format: 'TabSeparated',
        values: Readable.from([Buffer.from(text)], { objectMode: false }),
      }),
    );
  }

  /** `text` as a literal, for the few statements built here rather than by the builders. */
  static literal(text: string): string {
    return quoteClickHouseText(text);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

function clientFor(location: ClickHouseLocation, database: string): ClickHouseClient {
  return createClient({
    url: location.origin,
    database,
    // Failures reach the caller as StoreErrors; the client's own logging would repeat them.
    log: { level: ClickHouseLogLevel.OFF },
    // The shared builders expect SQL's outer joins: NULL, not the type's default, where a row
    // found no match (a feature without revenue must read as none, not $0). Replicated tables
    // drop an insert whose block matches a recent one: after deleteSource, `tokenops demo`
    // writes the same events again and would store none (no-op on plain MergeTree tables).
    clickhouse_settings: { join_use_nulls: 1, insert_deduplicate: 0 },
  });
}

function querySize(text: string): { max_query_size?: string } {
  const bytes = Buffer.byteLength(text);
  return bytes < DEFAULT_MAX_QUERY_SIZE ? {} : { max_query_size: String(bytes + 1024) };
}

async function guard<T>(location: ClickHouseLocation, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(location, error);
  }
}

function toStoreError(location: ClickHouseLocation, error: unknown): StoreError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET') {
    return new StoreError(
      `cannot reach ClickHouse at ${location.origin} (${String(code)})`,
      'start ClickHouse, or fix the host and HTTP port in store.url',
    );
  }
  // "Code: 60, e.displayText() = DB::Exception: Table x doesn't exist, e.what() = …" (18.16) or
  // "Code: 60. DB::Exception: Table x doesn't exist. (UNKNOWN_TABLE) …" (current releases).
  const number = /Code: (\d+)/.exec(message)?.[1];
  const reason = (
    /DB::Exception: (.*?)(?:, e\.what\(\)|: while|\. \(|$)/m.exec(message)?.[1] ??
    message.split('\n')[0] ??
    message
  )
    // Parse errors quote the data after "before:"; keep bound values out of messages.
    .replace(/ before: .*$/, '')
    .slice(0, 200);
  return new StoreError(
    `ClickHouse at ${location.origin} refused a request${number ? ` (code ${number})` : ''}: ${reason}`,
    number !== undefined && ZOOKEEPER_LOST.has(number)
      ? 'replicated tables take no writes while their node cannot reach ZooKeeper: bring ZooKeeper back (docs/deployment.md); a gateway keeps the events in its spool until then'
      : 'check that the server is a supported ClickHouse and that `tokenops migrate` has run',
  );
}

/**
 * ClickHouse's codes for a replicated table cut off from ZooKeeper: NO_ZOOKEEPER,
 * TABLE_IS_READ_ONLY, KEEPER_EXCEPTION (the session lost mid-request).
 */
const ZOOKEEPER_LOST = new Set(['225', '242', '999']);
