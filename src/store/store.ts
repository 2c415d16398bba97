import type { BillingLine } from '../domain/billing-line.ts';
import type { Alert, DeliveryOutcome, DueDelivery, StoredAlert } from '../domain/alert.ts';
import type { AlertListSpec } from './alert-list-spec.ts';
import type { Budget } from '../domain/budget.ts';
import type { ColumnBatch } from './column-batch.ts';
import type { CallsSpec } from './calls-spec.ts';
import type { RecordedCall } from '../domain/recorded-call.ts';
import type { ClassCosts } from '../domain/money.ts';
import type { Tags } from '../domain/tags.ts';
import type { TokenCounts } from '../domain/token-classes.ts';
import type {
  EventPricing,
  EventSource,
  PricedUsageEvent,
  ServiceTier,
} from '../domain/usage-event.ts';
import type {
  InsightSpec,
  LayerGroup,
  TopTracesSpec,
  TraceCall,
  TraceSummary,
  YieldGroup,
  YieldSpec,
} from './insights-spec.ts';
import type { Feedback, FeedbackResult } from './feedback.ts';
import type { ReconcileSpec, ReconcileTotals } from './reconcile-spec.ts';
import type { AllocationSpec, AllocationTotals } from './allocation-spec.ts';
import type { RevenueLine } from '../domain/revenue-line.ts';
import type { RevenueAppendResult } from './revenue-append-result.ts';
import type { UnitEconomicsSpec, UnitEconomicsTotals } from './unit-economics-spec.ts';
import type { ExperimentSpec, ExperimentVariantTotals } from './experiment-spec.ts';
import type { Dimension, ReportFilter, ReportRow, ReportSpec } from './report-spec.ts';
import type {
  ActivityHour,
  ActivityMinute,
  ActivityMinutesSpec,
  ActivitySpec,
} from './activity-spec.ts';

export interface AppendResult {
  inserted: number;
  /** Events whose id was already stored: ingest is idempotent, so these are skipped. */
  duplicates: number;
}

export interface BillingAppendResult {
  /** Lines whose id was new. */
  inserted: number;
  /** Lines that replaced a line already stored (a re-import, or a corrected export). */
  replaced: number;
}

export interface StoredRange {
  from: number;
  to: number;
  events: number;
}

export interface UnpricedModel {
  provider: string;
  model: string;
  events: number;
  inputTokens: number;
  outputTokens: number;
  firstSeen: number;
  lastSeen: number;
}

export interface PricingUpdate {
  id: string;
  pricing: EventPricing;
}

/**
 * Where priced usage events live. Adapters (DuckDB, ClickHouse, memory) implement it and pass
 * the same contract suite in test/contract/. Every call either completes or changes nothing.
 */
export interface Store {
  /** Appends a batch atomically, skipping ids already stored. */
  append(events: readonly PricedUsageEvent[]): Promise<AppendResult>;
  /**
   * The same for events already laid out as EVENT_COLUMNS (`toColumnBatch`), e.g. on a
   * worker thread, so the writer's thread only copies them in.
   */
  appendColumns(batch: ColumnBatch): Promise<AppendResult>;
  /** Appends a batch known to hold new ids only (generated workloads); atomic, no id check. */
  appendNew(events: readonly PricedUsageEvent[]): Promise<number>;
  /** The same for new events already laid out as EVENT_COLUMNS, e.g. on a worker thread. */
  appendNewColumns(batch: ColumnBatch): Promise<number>;
  /**
   * The same for a stream of such batches, each written as it arrives. A commit covers whole
   * batches (on DuckDB at least a row group's worth, so the rows are compressed straight into
   * the file) and is atomic; if the stream fails, what earlier commits wrote stays. The store
   * may be held while the next batch is awaited: the source must not use this store.
   */
  appendNewStream(batches: AsyncIterable<ColumnBatch>): Promise<number>;
  report(spec: ReportSpec): Promise<ReportRow[]>;
  /** Distinct values of one dimension, most used first. */
  tagValues(dimension: Dimension, limit: number): Promise<string[]>;
  timeRange(): Promise<StoredRange | null>;
  schemaVersion(): Promise<number>;
  unpriced(): Promise<UnpricedModel[]>;
  /** Events in [from, to) in batches, for re-pricing. */
  eventsBetween(from: number, to: number, batchSize: number): AsyncIterable<PricedUsageEvent[]>;
  /**
   * The calls of a period in time order, lean (what replays and recommendations read),
   * streamed without holding up the store's other callers.
   */
  callsBetween(spec: CallsSpec, batchSize: number): AsyncIterable<RecordedCall[]>;
  /** Replaces the pricing of stored events atomically. */
  updatePricing(updates: readonly PricingUpdate[]): Promise<void>;
  /** Removes every event a door wrote (e.g. the demo before it is regenerated). */
  deleteSource(source: EventSource): Promise<number>;
  /** Stores bill lines in one transaction, replacing lines with the same id. */
  appendBillingLines(lines: readonly BillingLine[]): Promise<BillingAppendResult>;
  /** Invoiced against metered sums, grouped as the spec says. */
  reconcileTotals(spec: ReconcileSpec): Promise<ReconcileTotals[]>;
  /** Priced usage in [from, to) per hour and price point and tag set, or per event. */
  usageGroups(
    from: number,
    to: number,
    grain: 'hour' | 'event',
    batchSize: number,
  ): AsyncIterable<UsageGroup[]>;
  /** Sets outcomes and scores reported after the call on the events of each request. */
  recordFeedback(feedback: readonly Feedback[]): Promise<FeedbackResult>;
  /** Events in [from, to) that nothing could price. */
  countUnpriced(from: number, to: number): Promise<number>;
  /** Spend per team and shared scope, summed exactly, for chargeback statements. */
  allocationTotals(spec: AllocationSpec): Promise<AllocationTotals[]>;
  /** Requests, outcomes, users, cost and revenue per group, for unit economics. */
  unitEconomicsTotals(spec: UnitEconomicsSpec): Promise<UnitEconomicsTotals[]>;
  /** Requests, cost, outcomes and scores per variant of one split experiment, by variant name. */
  experimentTotals(spec: ExperimentSpec): Promise<ExperimentVariantTotals[]>;
  /** Stores revenue in one transaction, replacing the same feature and month. */
  appendRevenue(lines: readonly RevenueLine[]): Promise<RevenueAppendResult>;
  /** Spend per group, feature and price point, split into layers call by call. */
  layerGroups(spec: InsightSpec): Promise<LayerGroup[]>;
  /** Tokens per group by the outcome of the request each call served. */
  yieldGroups(spec: YieldSpec): Promise<YieldGroup[]>;
  /** The most expensive traces. */
  topTraces(spec: TopTracesSpec): Promise<TraceSummary[]>;
  /** Every call of one trace, in time order (empty for an unknown id). */
  /** The trace's calls that match every filter (none: all of them). */
  traceCalls(traceId: string, filters?: readonly ReportFilter[]): Promise<TraceCall[]>;
  /** Calls, tokens, cost and distinct users per scope group and hour, for anomalies. */
  activityHours(spec: ActivitySpec): Promise<ActivityHour[]>;
  /** Calls and tokens per trace or virtual key and minute, for runaway detection. */
  activityMinutes(spec: ActivityMinutesSpec): Promise<ActivityMinute[]>;
  /** Stores the alerts whose key is new, each due at once on every channel; returns their keys. */
  recordAlerts(alerts: readonly Alert[], channels: readonly string[]): Promise<string[]>;
  listAlerts(spec: AlertListSpec): Promise<StoredAlert[]>;
  /** Deliveries not yet made whose next attempt is due, oldest first. */
  dueDeliveries(now: number, limit: number): Promise<DueDelivery[]>;
  recordDeliveries(outcomes: readonly DeliveryOutcome[]): Promise<void>;
  /** Budgets made through the API: created or replaced by name (true when new). */
  saveBudget(budget: Budget): Promise<boolean>;
  /** False when no such budget was stored. */
  deleteBudget(name: string): Promise<boolean>;
  listBudgets(): Promise<Budget[]>;
  close(): Promise<void>;
}

/**
 * Priced usage summed per charge period (an hour) and per price point and tag set, or per
 * event: what a FOCUS export writes one row per token class for. Unpriced events are left
 * out (FOCUS forbids null costs); `unpricedEvents` counts them.
 */
export interface UsageGroup {
  periodStart: number;
  periodEnd: number;
  provider: string;
  model: string;
  serviceTier: ServiceTier;
  contextTier: 'standard' | 'long';
  currency: string;
  source: EventSource;
  tags: Tags;
  events: number;
  /** Summed, nested as in the usage event (input includes cache; output includes reasoning). */
  tokens: TokenCounts;
  list: ClassCosts;
  effective: ClassCosts;
  /** Set when grouped per event. */
  eventId?: string;
  traceId?: string;
}
