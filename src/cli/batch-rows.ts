import type { BatchRecord, CollectSummary } from '../optimize/batch/index.ts';

/** A batch record as one output row (snake_case, as every JSON row of the CLI). */
export function batchRecordRow(record: BatchRecord): Record<string, string | number | null> {
  return {
    id: record.id,
    provider: record.provider,
    state: record.state,
    provider_status: record.providerStatus,
    requests: record.requests,
    done: record.done,
    succeeded: record.succeeded,
    failed: record.failed,
    submitted_at: record.submittedAt,
    checked_at: record.checkedAt,
    collected_at: record.collected?.at ?? null,
    team: record.tags.team ?? null,
    feature: record.tags.feature ?? null,
    file: record.file,
  };
}

/** What one collection stored, as one output row. */
export function collectSummaryRow(summary: CollectSummary): Record<string, string | number | null> {
  return {
    id: summary.id,
    provider: summary.provider,
    results: summary.results,
    succeeded: summary.outcomes.succeeded,
    errored: summary.outcomes.errored,
    canceled: summary.outcomes.canceled,
    expired: summary.outcomes.expired,
    inserted: summary.inserted,
    duplicates: summary.duplicates,
    cost: summary.cost,
  };
}
