import assert from 'node:assert/strict';
import type { PricedUsageEvent } from '../../src/domain/usage-event.ts';
import type { Tokenops } from '../../src/sdk/index.ts';
import type { GatewayHarness } from './gateway-harness.ts';

/** The one SDK event the server stored for a feature tag, after the SDK sent what it queued. */
export async function sdkEventOf(
  tokenops: Tokenops,
  server: GatewayHarness,
  feature: string,
): Promise<PricedUsageEvent> {
  await tokenops.flush();
  const found = (await server.events()).filter((event) => event.tags.feature === feature);
  assert.equal(found.length, 1, `one event for ${feature}`);
  const [event] = found;
  assert.equal(event!.source, 'sdk');
  return event!;
}
