import { isTagKey, UNATTRIBUTED } from '../../domain/tags.ts';
import type { RecordedCall } from '../../domain/recorded-call.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Dimension, ReportFilter } from '../../store/report-spec.ts';
import type { Store } from '../../store/store.ts';
import { createApplierResolver } from './resolve-scenario.ts';
import type { WhatIfScenario } from './what-if-scenario.ts';

export interface WhatIfSpec {
  scenario: WhatIfScenario;
  from: number;
  to: number;
  filters: readonly ReportFilter[];
  /** Rows per value of these dimensions; none: one row. */
  dimensions: readonly Dimension[];
  /** Providers to find a model's own under, when the scenario names none. */
  providers: readonly string[];
}

/** A row of `tokenops whatif`: the period as it was and as it would have been. */
export type WhatIfRow = Record<string, string | number> & {
  requests: number;
  current_cost: number;
  whatif_cost: number;
  saving: number;
  /** Share of current_cost saved; negative when the scenario costs more. */
  saving_share: number;
  /** Calls left out: nothing could price them before or under the scenario. */
  unpriced: number;
};

const BATCH = 20_000;

/** Re-prices every call of the period that matches the filters under the scenario. */
export async function runWhatIf(
  store: Store,
  pricer: Pricer,
  spec: WhatIfSpec,
): Promise<WhatIfRow[]> {
  const [rows] = await runWhatIfs(store, pricer, [spec]);
  return rows ?? [];
}

/**
 * Several replays in one read of the store (recommendations price all their changes at once);
 * each one's rows are exactly what `runWhatIf` gives for it alone.
 */
export async function runWhatIfs(
  store: Store,
  pricer: Pricer,
  specs: readonly WhatIfSpec[],
  /** Told of each batch read (in time order), for a progress bar. */
  onBatch: (calls: readonly RecordedCall[]) => void = () => undefined,
): Promise<WhatIfRow[][]> {
  if (specs.length === 0) return [];
  const replays = specs.map((spec) => createReplay(pricer, spec));
  const from = Math.min(...specs.map((spec) => spec.from));
  const to = Math.max(...specs.map((spec) => spec.to));
  const anyOf = specs.map((spec) => spec.filters);
  for await (const batch of store.callsBetween({ from, to, anyOf }, BATCH)) {
    for (const event of batch) {
      for (const replay of replays) replay.add(event);
    }
    onBatch(batch);
  }
  return replays.map((replay) => replay.rows());
}

function createReplay(pricer: Pricer, spec: WhatIfSpec) {
  const rows = new Map<string, WhatIfRow>();
  const applierFor = createApplierResolver(pricer, spec);
  return {
    add(event: RecordedCall): void {
      if (event.timestamp < spec.from || event.timestamp >= spec.to) return;
      if (!spec.filters.every((filter) => valueOf(event, filter.dimension) === filter.value)) {
        return;
      }
      const keys = spec.dimensions.map((dimension) => valueOf(event, dimension));
      const id = keys.join('\u0000');
      let row = rows.get(id);
      if (!row) {
        row = {
          ...Object.fromEntries(
            spec.dimensions.map((dimension, index) => [dimension, keys[index] ?? '']),
          ),
          requests: 0,
          current_cost: 0,
          whatif_cost: 0,
          saving: 0,
          saving_share: 0,
          unpriced: 0,
        };
        rows.set(id, row);
      }
      row.requests += 1;
      const current = event.cost;
      const replayed = pricer.price(applierFor(event.provider)(event)).effective?.total;
      if (current === null || replayed === undefined) {
        row.unpriced += 1;
        return;
      }
      row.current_cost += current;
      row.whatif_cost += replayed;
    },
    rows(): WhatIfRow[] {
      return [...rows.values()]
        .map((row) => {
          const saving = row.current_cost - row.whatif_cost;
          return {
            ...row,
            saving,
            saving_share: row.current_cost > 0 ? saving / row.current_cost : 0,
          };
        })
        .sort((left, right) => right.saving - left.saving);
    },
  };
}

function valueOf(event: RecordedCall, dimension: Dimension): string {
  if (dimension === 'provider') return event.provider;
  if (dimension === 'model') return event.model;
  const value = isTagKey(dimension)
    ? event.tags[dimension]
    : event.tags.extra?.[dimension.slice(4)];
  return value ?? UNATTRIBUTED;
}
