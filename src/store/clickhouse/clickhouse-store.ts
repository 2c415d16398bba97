import type { DueDelivery, StoredAlert } from '../../domain/alert.ts';
import type { Budget } from '../../domain/budget.ts';
import type { RecordedCall } from '../../domain/recorded-call.ts';
import type { EventSource, PricedUsageEvent } from '../../domain/usage-event.ts';
import type { CallsSpec } from '../calls-spec.ts';
import type { ActivityHour, ActivityMinute } from '../activity-spec.ts';
import type { AllocationTotals } from '../allocation-spec.ts';
import { toColumnBatch, type ColumnBatch } from '../column-batch.ts';
import { EVENT_COLUMNS } from '../event-columns.ts';
import type { ExperimentVariantTotals } from '../experiment-spec.ts';
import type { FeedbackResult } from '../feedback.ts';
import type { LayerGroup, TraceCall, TraceSummary, YieldGroup } from '../insights-spec.ts';
import type { ReconcileTotals } from '../reconcile-spec.ts';
import type { Dimension, ReportRow, ReportSpec } from '../report-spec.ts';
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
import type { UnitEconomicsTotals } from '../unit-economics-spec.ts';
import { appendFreshEvents, writeEvents } from './append-fresh-events.ts';
import { ClickHouseConnection } from './clickhouse-connection.ts';
import { parseClickHouseUrl } from './clickhouse-url.ts';
import { deleteClickHouseSource } from './delete-clickhouse-source.ts';
import { migrateClickHouse, readClickHouseSchemaVersion } from './migrate-clickhouse.ts';
import { notOnClickHouseYet } from './not-on-clickhouse-yet.ts';
import { queryClickHouseReport } from './query-clickhouse-report.ts';
import { readClickHouseCalls } from './read-clickhouse-calls.ts';
import { readClickHouseEventsBetween } from './read-clickhouse-events-between.ts';
import { updateClickHousePricing } from './update-clickhouse-pricing.ts';
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
    const connection = await ClickHouseConnection.open(parseClickHouseUrl(url));
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
    return this.oneAppendAtATime(async () => {
      if (events.length > 0) {
        await writeEvents(this.connection, toColumnBatch(EVENT_COLUMNS, events));
      }
      return events.length;
    });
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

  close(): Promise<void> {
    return this.connection.close();
  }

  // Not on ClickHouse yet: each rejects with a StoreError naming the method.
  usageGroups(): AsyncIterable<UsageGroup[]> {
    return notYetIterable('usageGroups');
  }
  appendBillingLines(): Promise<BillingAppendResult> {
    return notYet('appendBillingLines');
  }
  reconcileTotals(): Promise<ReconcileTotals[]> {
    return notYet('reconcileTotals');
  }
  recordFeedback(): Promise<FeedbackResult> {
    return notYet('recordFeedback');
  }
  allocationTotals(): Promise<AllocationTotals[]> {
    return notYet('allocationTotals');
  }
  unitEconomicsTotals(): Promise<UnitEconomicsTotals[]> {
    return notYet('unitEconomicsTotals');
  }
  experimentTotals(): Promise<ExperimentVariantTotals[]> {
    return notYet('experimentTotals');
  }
  appendRevenue(): Promise<RevenueAppendResult> {
    return notYet('appendRevenue');
  }
  layerGroups(): Promise<LayerGroup[]> {
    return notYet('layerGroups');
  }
  yieldGroups(): Promise<YieldGroup[]> {
    return notYet('yieldGroups');
  }
  topTraces(): Promise<TraceSummary[]> {
    return notYet('topTraces');
  }
  traceCalls(): Promise<TraceCall[]> {
    return notYet('traceCalls');
  }
  activityHours(): Promise<ActivityHour[]> {
    return notYet('activityHours');
  }
  activityMinutes(): Promise<ActivityMinute[]> {
    return notYet('activityMinutes');
  }
  recordAlerts(): Promise<string[]> {
    return notYet('recordAlerts');
  }
  listAlerts(): Promise<StoredAlert[]> {
    return notYet('listAlerts');
  }
  dueDeliveries(): Promise<DueDelivery[]> {
    return notYet('dueDeliveries');
  }
  recordDeliveries(): Promise<void> {
    return notYet('recordDeliveries');
  }
  saveBudget(): Promise<boolean> {
    return notYet('saveBudget');
  }
  deleteBudget(): Promise<boolean> {
    return notYet('deleteBudget');
  }
  listBudgets(): Promise<Budget[]> {
    return notYet('listBudgets');
  }

  private oneAppendAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.appends.then(work);
    this.appends = run.catch(() => undefined);
    return run;
  }
}

function notYet(method: string): Promise<never> {
  return Promise.reject(notOnClickHouseYet(method));
}

/** An iterable whose first read rejects, as the Store's streaming methods fail. */
function notYetIterable(method: string): AsyncIterable<never> {
  return {
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(notOnClickHouseYet(method)) }),
  };
}
