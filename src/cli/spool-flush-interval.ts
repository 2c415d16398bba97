import type { TokenopsConfig } from '../config/index.ts';

/**
 * How often each gateway writes its spool into the store. ClickHouse wants few, larger
 * inserts: every insert is a part its merges fold again, and N replicas make N times as many
 * (two replicas at 200 ms each spent more of ClickHouse's CPU on merges than on the calls).
 */
export function spoolFlushIntervalMs(config: TokenopsConfig): number {
  return (
    config.gateway.flushIntervalMs ?? (config.store.url?.startsWith('clickhouse:') ? 1_000 : 200)
  );
}
