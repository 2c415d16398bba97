import type { Alert, DeliveryOutcome, DueDelivery, StoredAlert } from '../../domain/alert.ts';
import type { AlertListSpec } from '../alert-list-spec.ts';
import type { BillingLine } from '../../domain/billing-line.ts';
import type { Budget } from '../../domain/budget.ts';
import type { RecordedCall } from '../../domain/recorded-call.ts';
import type { EventSource, PricedUsageEvent } from '../../domain/usage-event.ts';
import type { CallsSpec } from '../calls-spec.ts';
import type {
  ActivityHour,
  ActivityMinute,
  ActivityMinutesSpec,
  ActivitySpec,
} from '../activity-spec.ts';
import type { AllocationSpec, AllocationTotals } from '../allocation-spec.ts';
import { toColumnBatch, type ColumnBatch } from '../column-batch.ts';
import { EVENT_COLUMNS } from '../event-columns.ts';
import type { ExperimentSpec, ExperimentVariantTotals } from '../experiment-spec.ts';
import type { Feedback, FeedbackResult } from '../feedback.ts';
import type {
  InsightSpec,
  LayerGroup,
  TopTracesSpec,
  TraceCall,
  TraceSummary,
  YieldGroup,
  YieldSpec,
} from '../insights-spec.ts';
import type { ReconcileSpec, ReconcileTotals } from '../reconcile-spec.ts';
import type { Dimension, ReportFilter, ReportRow, ReportSpec } from '../report-spec.ts';
import type { RevenueLine } from '../../domain/revenue-line.ts';
import type { RevenueAppendResult } from '../revenue-append-result.ts';
import type {
  AppendResult,
  BillingAppendResult,
  PricingUpdate,
  Store,
  StoredRange,
  UnpricedModel,
  UsageGroup,
} from '../store.ts';
import type { UnitEconomicsSpec, UnitEconomicsTotals } from '../unit-economics-spec.ts';
import { appendFreshEvents, writeEvents } from './append-fresh-events.ts';
import { updateClickHouseDeliveries } from './clickhouse-alert-deliveries.ts';
import {
  insertClickHouseAlerts,
  selectClickHouseAlerts,
  selectClickHouseDueDeliveries,
} from './clickhouse-alert-rows.ts';
import {
  removeClickHouseBudget,
  selectClickHouseBudgets,
  upsertClickHouseBudget,
} from './clickhouse-budget-rows.ts';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { parseClickHouseUrl } from './clickhouse-url.ts';
import { deleteClickHouseSource } from './delete-clickhouse-source.ts';
import { migrateClickHouse, readClickHouseSchemaVersion } from './migrate-clickhouse.ts';
import { openClickHouseDatabase } from './open-clickhouse-database.ts';
import {
  queryClickHouseActivityHours,
  queryClickHouseActivityMinutes,
} from './query-clickhouse-activity.ts';
import { queryClickHouseAllocationTotals } from './query-clickhouse-allocation.ts';
import { queryClickHouseExperiment } from './query-clickhouse-experiment.ts';
import {
  queryClickHouseLayers,
  queryClickHouseTopTraces,
  queryClickHouseTraceCalls,
} from './query-clickhouse-insights.ts';
import { queryClickHouseReconcile } from './query-clickhouse-reconcile.ts';
import { queryClickHouseReport } from './query-clickhouse-report.ts';
import { queryClickHouseUnitEconomics } from './query-clickhouse-unit-economics.ts';
import { queryClickHouseYield } from './query-clickhouse-yield.ts';
import { readClickHouseCalls } from './read-clickhouse-calls.ts';
import { recordClickHouseFeedback } from './record-clickhouse-feedback.ts';
import { readClickHouseEventsBetween } from './read-clickhouse-events-between.ts';
import { readClickHouseUsageGroups } from './read-clickhouse-usage-groups.ts';
import { updateClickHousePricing } from './update-clickhouse-pricing.ts';
import { upsertClickHouseBillingLines } from './upsert-clickhouse-billing-lines.ts';
import { upsertClickHouseRevenue } from './upsert-clickhouse-revenue.ts';
import {
  countClickHouseUnpriced,
  queryClickHouseTagValues,
  queryClickHouseTimeRange,
  queryClickHouseUnpriced,
} from './query-clickhouse-summaries.ts';

/**
 * The store at scale: events in a ClickHouse MergeTree table (docs/clickhouse.md). Methods
 * this adapter does not have yet reject with a StoreError naming them.
 */
export class ClickHouseStore implements Store {
  private appends: Promise<unknown> = Promise.resolve();

  private constructor(private readonly connection: ClickHouseConnection) {}

  /** Connects to `clickhouse://HOST:PORT/DB`, creating or upgrading the schema. */
  static async open(url: string): Promise<ClickHouseStore> {
    const connection = await openClickHouseDatabase(parseClickHouseUrl(url));
    try {
      await migrateClickHouse(connection);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return new ClickHouseStore(connection);
  }

  append(events: readonly PricedUsageEvent[]): Promise<AppendResult> {
    return this.appendColumns(toColumnBatch(EVENT_COLUMNS, events));
  }

  appendColumns(batch: ColumnBatch): Promise<AppendResult> {
    // One id check and insert at a time, so two batches of this process holding the same id
    // cannot both pass the check.
    return this.oneAppendAtATime(async () => {
      if (batch.count === 0) return { inserted: 0, duplicates: 0 };
      return appendFreshEvents(this.connection, batch);
    });
  }

  appendNew(events: readonly PricedUsageEvent[]): Promise<number> {
    return this.appendNewColumns(toColumnBatch(EVENT_COLUMNS, events));
  }

  appendNewColumns(batch: ColumnBatch): Promise<number> {
    return this.oneAppendAtATime(async () => {
      if (batch.count > 0) await writeEvents(this.connection, batch);
      return batch.count;
    });
  }

  async appendNewStream(batches: AsyncIterable<ColumnBatch>): Promise<number> {
    // Each batch is one insert: ClickHouse writes a part per insert, large ones are cheapest.
    let written = 0;
    for await (const batch of batches) written += await this.appendNewColumns(batch);
    return written;
  }

  report(spec: ReportSpec): Promise<ReportRow[]> {
    return queryClickHouseReport(this.connection, spec);
  }

  tagValues(dimension: Dimension, limit: number): Promise<string[]> {
    return queryClickHouseTagValues(this.connection, dimension, limit);
  }

  timeRange(): Promise<StoredRange | null> {
    return queryClickHouseTimeRange(this.connection);
  }

  schemaVersion(): Promise<number> {
    return readClickHouseSchemaVersion(this.connection);
  }

  unpriced(): Promise<UnpricedModel[]> {
    return queryClickHouseUnpriced(this.connection);
  }

  countUnpriced(from: number, to: number): Promise<number> {
    return countClickHouseUnpriced(this.connection, from, to);
  }

  eventsBetween(from: number, to: number, batchSize: number): AsyncIterable<PricedUsageEvent[]> {
    return readClickHouseEventsBetween(this.connection, from, to, batchSize);
  }

  callsBetween(spec: CallsSpec, batchSize: number): AsyncIterable<RecordedCall[]> {
    return readClickHouseCalls(this.connection, spec, batchSize);
  }

  updatePricing(updates: readonly PricingUpdate[]): Promise<void> {
    return updateClickHousePricing(this.connection, updates);
  }

  deleteSource(source: EventSource): Promise<number> {
    return deleteClickHouseSource(this.connection, source);
  }

  appendBillingLines(lines: readonly BillingLine[]): Promise<BillingAppendResult> {
    // One at a time, with appends: each import's versions must sort above the one before.
    return this.oneAppendAtATime(() => upsertClickHouseBillingLines(this.connection, lines));
  }

  reconcileTotals(spec: ReconcileSpec): Promise<ReconcileTotals[]> {
    return queryClickHouseReconcile(this.connection, spec);
  }

  usageGroups(
    from: number,
    to: number,
    grain: 'hour' | 'event',
    batchSize: number,
  ): AsyncIterable<UsageGroup[]> {
    return readClickHouseUsageGroups(this.connection, from, to, grain, batchSize);
  }

  allocationTotals(spec: AllocationSpec): Promise<AllocationTotals[]> {
    return queryClickHouseAllocationTotals(this.connection, spec);
  }

  unitEconomicsTotals(spec: UnitEconomicsSpec): Promise<UnitEconomicsTotals[]> {
    return queryClickHouseUnitEconomics(this.connection, spec);
  }

  appendRevenue(lines: readonly RevenueLine[]): Promise<RevenueAppendResult> {
    // One at a time, with appends: each import's versions must sort above the one before.
    return this.oneAppendAtATime(() => upsertClickHouseRevenue(this.connection, lines));
  }

  experimentTotals(spec: ExperimentSpec): Promise<ExperimentVariantTotals[]> {
    return queryClickHouseExperiment(this.connection, spec);
  }

  layerGroups(spec: InsightSpec): Promise<LayerGroup[]> {
    return queryClickHouseLayers(this.connection, spec);
  }

  yieldGroups(spec: YieldSpec): Promise<YieldGroup[]> {
    return queryClickHouseYield(this.connection, spec);
  }

  topTraces(spec: TopTracesSpec): Promise<TraceSummary[]> {
    return queryClickHouseTopTraces(this.connection, spec);
  }

  traceCalls(traceId: string, filters: readonly ReportFilter[] = []): Promise<TraceCall[]> {
    return queryClickHouseTraceCalls(this.connection, traceId, filters);
  }

  activityHours(spec: ActivitySpec): Promise<ActivityHour[]> {
    return queryClickHouseActivityHours(this.connection, spec);
  }

  activityMinutes(spec: ActivityMinutesSpec): Promise<ActivityMinute[]> {
    return queryClickHouseActivityMinutes(this.connection, spec);
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  recordAlerts(alerts: readonly Alert[], channels: readonly string[]): Promise<string[]> {
    // One write at a time: the key check and the insert of one batch, before the next.
    return this.oneAppendAtATime(() =>
      insertClickHouseAlerts(this.connection, alerts, channels, Date.now()),
    );
  }

  listAlerts(spec: AlertListSpec): Promise<StoredAlert[]> {
    return selectClickHouseAlerts(this.connection, spec);
  }

  dueDeliveries(now: number, limit: number): Promise<DueDelivery[]> {
    return selectClickHouseDueDeliveries(this.connection, now, limit);
  }

  recordDeliveries(outcomes: readonly DeliveryOutcome[]): Promise<void> {
    // One write at a time: each reads the states it advances, and its versions sort above.
    return this.oneAppendAtATime(() => updateClickHouseDeliveries(this.connection, outcomes));
  }

  saveBudget(budget: Budget): Promise<boolean> {
    return this.oneAppendAtATime(() => upsertClickHouseBudget(this.connection, budget));
  }

  deleteBudget(name: string): Promise<boolean> {
    return this.oneAppendAtATime(() => removeClickHouseBudget(this.connection, name));
  }

  listBudgets(): Promise<Budget[]> {
    return selectClickHouseBudgets(this.connection);
  }

  // Not on ClickHouse yet: rejects with a StoreError naming the method.
  recordFeedback(feedback: readonly Feedback[]): Promise<FeedbackResult> {
    return this.oneAppendAtATime(() => recordClickHouseFeedback(this.connection, feedback));
  }

  private oneAppendAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.appends.then(work);
    this.appends = run.catch(() => undefined);
    return run;
  }
}
