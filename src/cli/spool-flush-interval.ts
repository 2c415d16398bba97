import type { TokenopsConfig } from '../config/index.ts';

/**
 * How often each gateway writes its spool into the store: once a second unless the config
 * says otherwise. Each write has a fixed cost that does not shrink with fewer rows — DuckDB's
 * appender spends 4–6 ms flushing the events table's 60 columns even for one row (on the
 * store's own thread under `tokenops start`, but on a core the callers' thread shares);
 * ClickHouse makes every insert a part its merges fold again, and N replicas make N times as
 * many. At 200 ms both showed in the gateway's latency tail or the store's CPU
 * (docs/gateway.md); a second keeps reports fresh enough for spend.
 */
export function spoolFlushIntervalMs(config: TokenopsConfig): number {
  return config.gateway.flushIntervalMs ?? 1_000;
}
