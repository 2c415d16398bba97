import { UNATTRIBUTED } from '../../src/domain/tags.ts';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import type { Dimension, Grain } from '../../src/store/report-spec.ts';

/** The report worked out in plain code from the events, to hold the store's SQL against. */
export function expectedReport(
  events: readonly PricedUsageEvent[],
  dimensions: readonly Dimension[],
  grain: Grain,
): Map<string, Record<string, number>> {
  const rows = new Map<string, Record<string, number>>();
  for (const event of events) {
    const key = [
      ...dimensions.map((dimension) => valueOf(event, dimension) ?? UNATTRIBUTED),
      ...(grain === 'none' ? [] : [periodLabel(event.timestamp, grain)]),
    ].join('|');
    const row = rows.get(key) ?? {
      requests: 0,
      input_tokens: 0,
      output_tokens: 0,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      cost: 0,
      list_cost: 0,
    };
    row.requests! += 1;
    row.input_tokens! += event.tokens.input;
    row.output_tokens! += event.tokens.output;
    row.cache_read_tokens! += event.tokens.cacheRead;
    row.cache_write_tokens! += event.tokens.cacheWrite;
    row.reasoning_tokens! += event.tokens.reasoning;
    row.cost! += event.pricing.effective?.total ?? 0;
    row.list_cost! += event.pricing.list?.total ?? 0;
    rows.set(key, row);
  }
  return rows;
}

function valueOf(event: PricedUsageEvent, dimension: Dimension): string | undefined {
  if (dimension.startsWith('tag:')) return event.tags.extra?.[dimension.slice(4)];
  if (dimension === 'provider') return event.provider;
  if (dimension === 'model') return event.model;
  return event.tags[dimension as 'team'];
}

export function periodLabel(timestamp: number, grain: Exclude<Grain, 'none'>): string {
  const date = new Date(timestamp);
  const iso = date.toISOString();
  if (grain === 'hour') return `${iso.slice(0, 13)}:00:00Z`;
  if (grain === 'day') return iso.slice(0, 10);
  if (grain === 'month') return iso.slice(0, 7);
  const monday = new Date(
    Date.UTC(
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate() - ((date.getUTCDay() + 6) % 7),
    ),
  );
  return monday.toISOString().slice(0, 10);
}
