import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configSchema } from '../config/index.ts';
import { spoolFlushIntervalMs } from './spool-flush-interval.ts';

test('gateways write their spool to either store once a second unless told', () => {
  assert.equal(spoolFlushIntervalMs(configSchema.parse({})), 1_000);
  assert.equal(
    spoolFlushIntervalMs(configSchema.parse({ store: { url: 'clickhouse://ch:8123/tokenops' } })),
    1_000,
  );
  assert.equal(
    spoolFlushIntervalMs(configSchema.parse({ gateway: { flushIntervalMs: 250 } })),
    250,
  );
  assert.equal(
    spoolFlushIntervalMs(
      configSchema.parse({
        store: { url: 'clickhouse://ch:8123/tokenops' },
        gateway: { flushIntervalMs: 250 },
      }),
    ),
    250,
  );
});
