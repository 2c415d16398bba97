import type { RecordedCall } from '../../domain/recorded-call.ts';

/** The call's feature tag; untagged calls have no scope to recommend a change for. */
export function featureOf(event: RecordedCall): string | undefined {
  return event.tags.feature;
}

/** The call's effective cost, 0 when nothing priced it. */
export function costOf(event: RecordedCall): number {
  return event.cost ?? 0;
}

/** Success share of calls with an outcome, or undefined below `minimum` outcomes. */
export function successRate(
  outcomes: { success: number; total: number },
  minimum = 30,
): number | undefined {
  return outcomes.total >= minimum ? outcomes.success / outcomes.total : undefined;
}

/** Counts an outcome, when the call has one. */
export function countOutcome(
  outcomes: { success: number; total: number },
  event: RecordedCall,
): void {
  if (event.outcome === undefined) return;
  outcomes.total += 1;
  if (event.outcome === 'success') outcomes.success += 1;
}

/** The value below which `share` of the sorted values lie. */
export function quantile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

/** Gets the entry for `key`, creating it first. */
export function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
