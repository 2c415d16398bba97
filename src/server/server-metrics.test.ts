import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServerMetrics } from './server-metrics.ts';

test('/metrics reads the spool’s lost events when it is scraped', async () => {
  let lost = 0;
  const metrics = createServerMetrics(() => lost);
  assert.match(await metrics.registry.metrics(), /^tokenops_spool_lost_events 0$/m);
  lost = 3;
  assert.match(await metrics.registry.metrics(), /^tokenops_spool_lost_events 3$/m);
  assert.doesNotMatch(await createServerMetrics().registry.metrics(), /spool_lost/);
});
