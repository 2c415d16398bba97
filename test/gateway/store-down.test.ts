import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import type { Store } from '../../src/store/store.ts';
import { startGatewayHarness, type GatewayHarness } from '../helpers/gateway-harness.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

/** The store's ways to write events: a store that is down refuses each. */
const EVENT_WRITES = new Set(['append', 'appendNew', 'appendColumns', 'appendNewColumns']);

const directory = tempDirectory('gateway-store-down');
let storeUp = false;
let openai: StandIn;
let gateway: GatewayHarness;

before(async () => {
  openai = await startStandIn({ kind: 'openai' });
  gateway = await startGatewayHarness({
    directory,
    providers: { openai: { baseUrl: openai.url } },
    // A store that refuses every write until it comes back.
    wrapStore: (store: Store): Store =>
      new Proxy(store, {
        get(target, property, receiver) {
          if (typeof property === 'string' && EVENT_WRITES.has(property) && !storeUp) {
            return () => Promise.reject(new Error('store unavailable'));
          }
          return Reflect.get(target, property, receiver) as unknown;
        },
      }),
  });
});

after(async () => {
  await gateway.close();
  await openai.close();
});

test('a store that is down fails no request; the events wait in the spool and arrive later', async () => {
  const ids: string[] = [];
  for (let call = 0; call < 20; call += 1) {
    const response = await fetch(`${gateway.base}/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tokenops-team': 'spool' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `${call}` }],
      }),
    });
    assert.equal(response.status, 200);
    await response.text();
    ids.push(response.headers.get('x-tokenops-request-id') ?? '');
  }
  await gateway.spool.flush();
  assert.ok(gateway.spool.pending() > 0, 'segments wait for the store');
  assert.ok(readdirSync(join(directory, 'spool')).length > 0, 'and are on disk');
  assert.equal(await gateway.store.timeRange(), null, 'nothing stored yet');

  storeUp = true;
  // The drain retries with backoff; wait for it rather than for a fixed time.
  for (let attempt = 0; attempt < 100 && gateway.spool.pending() > 0; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await gateway.spool.flush();
  }
  const stored = new Set((await gateway.events()).map((event) => event.requestId));
  assert.deepEqual(
    ids.filter((id) => !stored.has(id)),
    [],
  );
  assert.deepEqual(readdirSync(join(directory, 'spool')), [], 'the spool is empty again');
});
