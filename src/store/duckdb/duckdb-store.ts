import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { UNATTRIBUTED } from '../../domain/tags.ts';
import type { BillingLine } from '../../domain/billing-line.ts';
import type { EventSource, PricedUsageEvent } from '../../domain/usage-event.ts';
import type {
  InsightSpec,
  LayerGroup,
  TopTracesSpec,
  TraceCall,
  TraceSummary,
  YieldGroup,
  YieldSpec,
} from '../insights-spec.ts';
import type { Feedback, FeedbackResult } from '../feedback.ts';
import type { ReconcileSpec, ReconcileTotals } from '../reconcile-spec.ts';
import type { Dimension, ReportRow, ReportSpec } from '../report-spec.ts';
import { buildReconcileQuery } from '../sql/reconcile-query.ts';
import { buildReportQuery, dimensionColumn } from '../sql/report-query.ts';
import { sqlTimestamp } from '../sql/sql-timestamp.ts';
import { buildUsageGroupsQuery } from '../sql/usage-groups-query.ts';
import type {
  AppendResult,
  BillingAppendResult,
  PricingUpdate,
  Store,
  StoredRange,
  UnpricedModel,
  UsageGroup,
} from '../store.ts';
import { upsertBillingLines } from './append-billing-lines.ts';
import type { AllocationSpec, AllocationTotals } from '../allocation-spec.ts';
import type { RevenueLine } from '../../domain/revenue-line.ts';
import type { RevenueAppendResult } from '../revenue-append-result.ts';
import type { UnitEconomicsSpec, UnitEconomicsTotals } from '../unit-economics-spec.ts';
import { queryAllocationTotals } from './query-allocation-totals.ts';
import { queryUnitEconomics } from './query-unit-economics.ts';
import { upsertRevenue } from './upsert-revenue.ts';
import { appendEvents } from './append-events.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { migrate, readSchemaVersion } from './migrate.ts';
import { openDuckDb } from './open-duckdb.ts';
import { EVENT_ROW_SELECT, readEventRow } from './read-event-row.ts';
import { readLayerGroups } from './read-layer-groups.ts';
import { readTopTraces, readTraceCalls } from './read-traces.ts';
import { readReconcileTotals } from './read-reconcile-totals.ts';
import { readReportRow } from './read-report-row.ts';
import { readUsageGroup } from './read-usage-group.ts';
import { textCell } from './text-cell.ts';
import { readYieldGroups } from './read-yield-groups.ts';
import { writeFeedback } from './write-feedback.ts';
import { writePricingUpdates } from './write-pricing-updates.ts';

/** The embedded store: one DuckDB file under the data directory. */
export class DuckDbStore implements Store {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<DuckDbStore> {
    const instance = await openDuckDb(path);
    const connection = await instance.connect();
    await migrate(connection);
    return new DuckDbStore(instance, connection);
  }

  async append(events: readonly PricedUsageEvent[]): Promise<AppendResult> {
    if (events.length === 0) return { inserted: 0, duplicates: 0 };
    await this.connection.run(
      'CREATE TEMP TABLE IF NOT EXISTS staged_events AS SELECT * FROM events LIMIT 0',
    );
    await this.connection.run('DELETE FROM staged_events');
    await appendEvents(this.connection, 'staged_events', events);
    const inserted = await this.inTransaction(async () => {
      const result = await this.connection.run(
        `INSERT INTO events
         SELECT * FROM staged_events s
         WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = s.id)
         QUALIFY row_number() OVER (PARTITION BY s.id ORDER BY s.ts) = 1`,
      );
      return result.rowsChanged;
    });
    await this.connection.run('DELETE FROM staged_events');
    return { inserted, duplicates: events.length - inserted };
  }

  async appendNew(events: readonly PricedUsageEvent[]): Promise<number> {
    await appendEvents(this.connection, 'events', events);
    return events.length;
  }

  async report(spec: ReportSpec): Promise<ReportRow[]> {
    const query = buildReportQuery(spec, duckDbDialect);
    const reader = await this.connection.runAndReadAll(query.text, query.params);
    return reader.getRowObjectsJS().map((raw) => readReportRow(spec, raw));
  }

  async tagValues(dimension: Dimension, limit: number): Promise<string[]> {
    const params: string[] = [];
    const column = dimensionColumn(
      dimension,
      (value) => {
        params.push(value);
        return `$${params.length}`;
      },
      duckDbDialect,
    );
    const reader = await this.connection.runAndReadAll(
      `SELECT COALESCE(${column}, '${UNATTRIBUTED}') AS value, count(*) AS calls
       FROM events GROUP BY 1 ORDER BY calls DESC, value LIMIT ${Math.max(1, Math.floor(limit))}`,
      params,
    );
    return reader.getRowObjectsJS().map((row) => textCell(row.value));
  }

  async timeRange(): Promise<StoredRange | null> {
    const reader = await this.connection.runAndReadAll(
      'SELECT epoch_ms(min(ts)) AS first, epoch_ms(max(ts)) AS last, count(*) AS events FROM events',
    );
    const row = reader.getRowObjectsJS()[0];
    if (!row || Number(row.events) === 0) return null;
    return { from: Number(row.first), to: Number(row.last), events: Number(row.events) };
  }

  schemaVersion(): Promise<number> {
    return readSchemaVersion(this.connection);
  }

  async unpriced(): Promise<UnpricedModel[]> {
    const reader = await this.connection.runAndReadAll(
      `SELECT provider, model, count(*) AS events, sum(input_tokens) AS input_tokens,
              sum(output_tokens) AS output_tokens, epoch_ms(min(ts)) AS first_seen,
              epoch_ms(max(ts)) AS last_seen
       FROM events WHERE NOT priced GROUP BY provider, model ORDER BY events DESC, provider, model`,
    );
    return reader.getRowObjectsJS().map((row) => ({
      provider: textCell(row.provider),
      model: textCell(row.model),
      events: Number(row.events),
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
      firstSeen: Number(row.first_seen),
      lastSeen: Number(row.last_seen),
    }));
  }

  async *eventsBetween(
    from: number,
    to: number,
    batchSize: number,
  ): AsyncIterable<PricedUsageEvent[]> {
    let cursor: { ts: number; id: string } | undefined;
    const limit = Math.max(1, Math.floor(batchSize));
    for (;;) {
      const after = cursor ? 'AND (epoch_ms(ts) > $3 OR (epoch_ms(ts) = $3 AND id > $4))' : '';
      const reader = await this.connection.runAndReadAll(
        `SELECT ${EVENT_ROW_SELECT} FROM events
         WHERE ts >= make_timestamp(CAST($1 AS BIGINT) * 1000) AND ts < make_timestamp(CAST($2 AS BIGINT) * 1000) ${after}
         ORDER BY ts, id LIMIT ${limit}`,
        cursor ? [from, to, cursor.ts, cursor.id] : [from, to],
      );
      const events = reader.getRowObjects().map(readEventRow);
      if (events.length === 0) return;
      yield events;
      const last = events[events.length - 1];
      if (!last) return;
      cursor = { ts: last.timestamp, id: last.id };
    }
  }

  async updatePricing(updates: readonly PricingUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await this.inTransaction(() => writePricingUpdates(this.connection, updates));
  }

  async deleteSource(source: EventSource): Promise<number> {
    const result = await this.connection.run('DELETE FROM events WHERE source = $1', [source]);
    return result.rowsChanged;
  }

  async appendBillingLines(lines: readonly BillingLine[]): Promise<BillingAppendResult> {
    if (lines.length === 0) return { inserted: 0, replaced: 0 };
    const distinct = new Set(lines.map((line) => line.id)).size;
    const inserted = await this.inTransaction(() => upsertBillingLines(this.connection, lines));
    return { inserted, replaced: distinct - inserted };
  }

  async reconcileTotals(spec: ReconcileSpec): Promise<ReconcileTotals[]> {
    const query = buildReconcileQuery(spec, duckDbDialect);
    const reader = await this.connection.runAndReadAll(query.text, query.params);
    return reader.getRowObjectsJS().map((row) => readReconcileTotals(spec, row));
  }

  async *usageGroups(
    from: number,
    to: number,
    grain: 'hour' | 'event',
    batchSize: number,
  ): AsyncIterable<UsageGroup[]> {
    const query = buildUsageGroupsQuery(from, to, grain, duckDbDialect);
    const result = await this.connection.stream(query.text, query.params);
    let batch: UsageGroup[] = [];
    for await (const rows of result.yieldRowObjectJs()) {
      for (const row of rows) {
        batch.push(readUsageGroup(row));
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  recordFeedback(feedback: readonly Feedback[]): Promise<FeedbackResult> {
    return this.inTransaction(() => writeFeedback(this.connection, feedback));
  }

  async countUnpriced(from: number, to: number): Promise<number> {
    const reader = await this.connection.runAndReadAll(
      `SELECT count(*) AS events FROM events
       WHERE NOT priced AND ts >= CAST($1 AS TIMESTAMP) AND ts < CAST($2 AS TIMESTAMP)`,
      [sqlTimestamp(from), sqlTimestamp(to)],
    );
    return Number(reader.getRowObjectsJS()[0]?.events ?? 0);
  }

  layerGroups(spec: InsightSpec): Promise<LayerGroup[]> {
    return readLayerGroups(this.connection, spec);
  }

  yieldGroups(spec: YieldSpec): Promise<YieldGroup[]> {
    return readYieldGroups(this.connection, spec);
  }

  topTraces(spec: TopTracesSpec): Promise<TraceSummary[]> {
    return readTopTraces(this.connection, spec);
  }

  traceCalls(traceId: string): Promise<TraceCall[]> {
    return readTraceCalls(this.connection, traceId);
  }

  allocationTotals(spec: AllocationSpec): Promise<AllocationTotals[]> {
    return queryAllocationTotals(this.connection, spec);
  }

  unitEconomicsTotals(spec: UnitEconomicsSpec): Promise<UnitEconomicsTotals[]> {
    return queryUnitEconomics(this.connection, spec);
  }

  async appendRevenue(lines: readonly RevenueLine[]): Promise<RevenueAppendResult> {
    const inserted = await this.inTransaction(() => upsertRevenue(this.connection, lines));
    return { inserted, replaced: lines.length - inserted };
  }

  close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    return Promise.resolve();
  }

  private async inTransaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }
}
