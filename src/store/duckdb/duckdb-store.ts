import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import type { BillingLine } from '../../domain/billing-line.ts';
import type { Alert, DeliveryOutcome, DueDelivery, StoredAlert } from '../../domain/alert.ts';
import type { AlertListSpec } from '../alert-list-spec.ts';
import type { Budget } from '../../domain/budget.ts';
import { removeBudget, selectBudgets, upsertBudget } from './budget-rows.ts';
import { insertAlerts, selectAlerts, selectDueDeliveries, updateDeliveries } from './alert-rows.ts';
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
import type { Dimension, ReportFilter, ReportRow, ReportSpec } from '../report-spec.ts';
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
import type { ExperimentSpec, ExperimentVariantTotals } from '../experiment-spec.ts';
import { queryExperiment } from './query-experiment.ts';
import { upsertRevenue } from './upsert-revenue.ts';
import { toColumnBatch, type ColumnBatch } from '../column-batch.ts';
import { EVENT_COLUMNS } from '../event-columns.ts';
import { appendFreshEvents } from './append-fresh-events.ts';
import { appendInRowGroups } from './append-in-row-groups.ts';
import { appendColumnBatch } from './chunk-appender.ts';
import { migrate, readSchemaVersion } from './migrate.ts';
import { openDuckDb, type DuckDbWorkload } from './open-duckdb.ts';
import { readEventsBetween } from './read-events-between.ts';
import { readLayerGroups } from './read-layer-groups.ts';
import { readRecordedCalls } from './read-recorded-calls.ts';
import type { CallsSpec } from '../calls-spec.ts';
import type { RecordedCall } from '../../domain/recorded-call.ts';
import { readTopTraces, readTraceCalls } from './read-traces.ts';
import { readActivityHours, readActivityMinutes } from './read-activity.ts';
import type { ActivityMinutesSpec, ActivitySpec } from '../activity-spec.ts';
import {
  countUnpricedEvents,
  queryTagValues,
  queryTimeRange,
  queryUnpricedModels,
} from './query-event-summaries.ts';
import { queryReconcileTotals } from './read-reconcile-totals.ts';
import { queryReport } from './read-report-row.ts';
import { readYieldGroups } from './read-yield-groups.ts';
import { streamUsageGroups } from './stream-usage-groups.ts';
import { writeFeedback } from './write-feedback.ts';
import { writePricingUpdates } from './write-pricing-updates.ts';

/** The embedded store: one DuckDB file under the data directory. */
export class DuckDbStore implements Store {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, workload: DuckDbWorkload = 'bulk'): Promise<DuckDbStore> {
    const instance = await openDuckDb(path, workload);
    const connection = await instance.connect();
    await migrate(connection);
    return new DuckDbStore(instance, connection);
  }

  async append(events: readonly PricedUsageEvent[]): Promise<AppendResult> {
    return this.appendColumns(toColumnBatch(EVENT_COLUMNS, events));
  }

  appendColumns(batch: ColumnBatch): Promise<AppendResult> {
    return this.exclusive(async () => {
      if (batch.count === 0) return { inserted: 0, duplicates: 0 };
      return this.inTransaction(() => appendFreshEvents(this.connection, batch));
    });
  }

  appendNew(events: readonly PricedUsageEvent[]): Promise<number> {
    return this.appendNewColumns(toColumnBatch(EVENT_COLUMNS, events));
  }

  appendNewColumns(batch: ColumnBatch): Promise<number> {
    // In a transaction, the commit (the WAL write) runs off the JavaScript thread; the
    // appender's own flush would commit on it, stalling a gateway's calls.
    return this.exclusive(() =>
      this.inTransaction(async () => {
        await appendColumnBatch(this.connection, 'events', batch);
        return batch.count;
      }),
    );
  }

  appendNewStream(batches: AsyncIterable<ColumnBatch>): Promise<number> {
    // The store is held from BEGIN to COMMIT, waits for the next batch included: no other
    // caller's statement may run inside this transaction.
    return appendInRowGroups(batches, (next) =>
      this.exclusive(() =>
        this.inTransaction(async () => {
          for (let batch = await next(); batch; batch = await next()) {
            await appendColumnBatch(this.connection, 'events', batch);
          }
        }),
      ),
    );
  }

  report(spec: ReportSpec): Promise<ReportRow[]> {
    return this.exclusive(() => queryReport(this.connection, spec));
  }

  tagValues(dimension: Dimension, limit: number): Promise<string[]> {
    return this.exclusive(() => queryTagValues(this.connection, dimension, limit));
  }

  timeRange(): Promise<StoredRange | null> {
    return this.exclusive(() => queryTimeRange(this.connection));
  }

  schemaVersion(): Promise<number> {
    return this.exclusive(() => readSchemaVersion(this.connection));
  }

  unpriced(): Promise<UnpricedModel[]> {
    return this.exclusive(() => queryUnpricedModels(this.connection));
  }

  eventsBetween(from: number, to: number, batchSize: number): AsyncIterable<PricedUsageEvent[]> {
    const page = (sql: string, values: DuckDBValue[]) =>
      this.exclusive(() => this.connection.runAndReadAll(sql, values));
    return readEventsBetween(page, from, to, batchSize);
  }

  callsBetween(spec: CallsSpec, batchSize: number): AsyncIterable<RecordedCall[]> {
    return readRecordedCalls(this.instance, spec, batchSize);
  }

  updatePricing(updates: readonly PricingUpdate[]): Promise<void> {
    return this.exclusive(async () => {
      if (updates.length === 0) return;
      await this.inTransaction(() => writePricingUpdates(this.connection, updates));
    });
  }

  deleteSource(source: EventSource): Promise<number> {
    return this.exclusive(async () => {
      const result = await this.connection.run('DELETE FROM events WHERE source = $1', [source]);
      return result.rowsChanged;
    });
  }

  appendBillingLines(lines: readonly BillingLine[]): Promise<BillingAppendResult> {
    return this.exclusive(async () => {
      if (lines.length === 0) return { inserted: 0, replaced: 0 };
      const distinct = new Set(lines.map((line) => line.id)).size;
      const inserted = await this.inTransaction(() => upsertBillingLines(this.connection, lines));
      return { inserted, replaced: distinct - inserted };
    });
  }

  reconcileTotals(spec: ReconcileSpec): Promise<ReconcileTotals[]> {
    return this.exclusive(() => queryReconcileTotals(this.connection, spec));
  }

  usageGroups(
    from: number,
    to: number,
    grain: 'hour' | 'event',
    batchSize: number,
  ): AsyncIterable<UsageGroup[]> {
    return streamUsageGroups(this.connection, from, to, grain, batchSize);
  }

  recordFeedback(feedback: readonly Feedback[]): Promise<FeedbackResult> {
    return this.exclusive(() => this.inTransaction(() => writeFeedback(this.connection, feedback)));
  }

  countUnpriced(from: number, to: number): Promise<number> {
    return this.exclusive(() => countUnpricedEvents(this.connection, from, to));
  }

  layerGroups(spec: InsightSpec): Promise<LayerGroup[]> {
    return this.exclusive(() => readLayerGroups(this.connection, spec));
  }

  yieldGroups(spec: YieldSpec): Promise<YieldGroup[]> {
    return this.exclusive(() => readYieldGroups(this.connection, spec));
  }

  topTraces(spec: TopTracesSpec): Promise<TraceSummary[]> {
    return this.exclusive(() => readTopTraces(this.connection, spec));
  }

  traceCalls(traceId: string, filters: readonly ReportFilter[] = []): Promise<TraceCall[]> {
    return this.exclusive(() => readTraceCalls(this.connection, traceId, filters));
  }

  activityHours(spec: ActivitySpec) {
    return this.exclusive(() => readActivityHours(this.connection, spec));
  }

  activityMinutes(spec: ActivityMinutesSpec) {
    return this.exclusive(() => readActivityMinutes(this.connection, spec));
  }

  allocationTotals(spec: AllocationSpec): Promise<AllocationTotals[]> {
    return this.exclusive(() => queryAllocationTotals(this.connection, spec));
  }

  unitEconomicsTotals(spec: UnitEconomicsSpec): Promise<UnitEconomicsTotals[]> {
    return this.exclusive(() => queryUnitEconomics(this.connection, spec));
  }

  experimentTotals(spec: ExperimentSpec): Promise<ExperimentVariantTotals[]> {
    return this.exclusive(() => queryExperiment(this.connection, spec));
  }

  appendRevenue(lines: readonly RevenueLine[]): Promise<RevenueAppendResult> {
    return this.exclusive(async () => {
      const inserted = await this.inTransaction(() => upsertRevenue(this.connection, lines));
      return { inserted, replaced: lines.length - inserted };
    });
  }

  recordAlerts(alerts: readonly Alert[], channels: readonly string[]): Promise<string[]> {
    return this.exclusive(() =>
      this.inTransaction(() => insertAlerts(this.connection, alerts, channels, Date.now())),
    );
  }

  listAlerts(spec: AlertListSpec): Promise<StoredAlert[]> {
    return this.exclusive(() => selectAlerts(this.connection, spec));
  }

  dueDeliveries(now: number, limit: number): Promise<DueDelivery[]> {
    return this.exclusive(() => selectDueDeliveries(this.connection, now, limit));
  }

  recordDeliveries(outcomes: readonly DeliveryOutcome[]): Promise<void> {
    return this.exclusive(() =>
      this.inTransaction(() => updateDeliveries(this.connection, outcomes)),
    );
  }

  saveBudget(budget: Budget): Promise<boolean> {
    return this.exclusive(() => this.inTransaction(() => upsertBudget(this.connection, budget)));
  }

  deleteBudget(name: string): Promise<boolean> {
    return this.exclusive(() => removeBudget(this.connection, name));
  }

  listBudgets(): Promise<Budget[]> {
    return this.exclusive(() => selectBudgets(this.connection));
  }

  close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    return Promise.resolve();
  }

  /**
   * One connection runs one operation at a time: the server's routes call concurrently, and
   * a statement landing inside another caller's transaction would join (or abort) it.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
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
