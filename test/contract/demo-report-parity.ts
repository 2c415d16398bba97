import assert from 'node:assert/strict';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import { generateDemoWorkload } from '../../src/demo/index.ts';
import { createPricer } from '../../src/pricing/index.ts';
import { createProviderRegistry } from '../../src/providers/index.ts';
import type { Dimension, ReportSpec } from '../../src/store/report-spec.ts';
import type { Store } from '../../src/store/store.ts';

const DAY_MS = 86_400_000;
const END = Date.UTC(2026, 10, 30);

/** Two days of the demo workload (seed 11), priced by the catalog as `tokenops demo` does. */
export function pricedDemoEvents(): PricedUsageEvent[] {
  const pricer = createPricer({ registry: createProviderRegistry([]) });
  const events: PricedUsageEvent[] = [];
  for (const batch of generateDemoWorkload(
    { days: 2, seed: 11, end: END, eventsPerDay: 4000 },
    5000,
  )) {
    for (const event of batch as PricedUsageEvent[]) {
      event.pricing = pricer.price(event);
      events.push(event);
    }
  }
  return events;
}

/** The report shapes compared: groupings, grains, both metrics, filters and a free tag. */
export function paritySpecs(events: readonly PricedUsageEvent[]): ReportSpec[] {
  const freeTag = events.flatMap((event) => Object.keys(event.tags.extra ?? {}))[0];
  const spec = (dimensions: Dimension[], rest: Partial<ReportSpec> = {}): ReportSpec => ({
    dimensions,
    metric: 'cost',
    grain: 'none',
    filters: [],
    ...rest,
  });
  return [
    spec([]),
    spec(['team', 'feature'], { grain: 'day' }),
    spec(['provider', 'model'], { metric: 'tokens' }),
    spec(['environment', 'customer'], { grain: 'hour', from: END - DAY_MS, to: END }),
    spec(['service'], { grain: 'week' }),
    spec(['user'], { grain: 'month', filters: [{ dimension: 'team', value: '(unattributed)' }] }),
    spec(['feature'], { filters: [{ dimension: 'provider', value: 'anthropic' }] }),
    ...(freeTag ? [spec([`tag:${freeTag}` as Dimension, 'team'])] : []),
  ];
}

/** Every spec gives the same rows, in the same order, from both stores. */
export async function assertSameReports(
  first: Store,
  second: Store,
  specs: readonly ReportSpec[],
): Promise<number> {
  let rows = 0;
  for (const spec of specs) {
    const [a, b] = await Promise.all([first.report(spec), second.report(spec)]);
    assert.deepEqual(b, a, `report ${JSON.stringify(spec)}`);
    assert.ok(a.length > 0, `report ${JSON.stringify(spec)} has rows`);
    rows += a.length;
  }
  return rows;
}
