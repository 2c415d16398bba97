import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ZERO_TOKENS, type TokenCounts } from '../../src/domain/token-classes.ts';
import type { UsageEvent } from '../../src/domain/usage-event.ts';
import { parseWhatIfRequest, runWhatIf, type WhatIfRequest } from '../../src/optimize/index.ts';
import { createPricer, type Pricer } from '../../src/pricing/index.ts';
import { createProviderRegistry } from '../../src/providers/index.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('what-if-exact-cache');
const registry = createProviderRegistry([]);
const providers = registry.names();
let store: DuckDbStore;
let pricer: Pricer;

// gpt-4o: $2.50 input, $1.25 cache reads, $10 output per 1M. The usual call: 2,000 input and
// 100 output tokens, 2,000 × 2.50 + 100 × 10 = $0.006.
const call = (
  id: string,
  time: string,
  tokens: Partial<TokenCounts> = {},
  more: Partial<UsageEvent> = {},
): UsageEvent => ({
  id,
  timestamp: Date.parse(`2026-11-10T${time}Z`),
  source: 'gateway',
  provider: 'openai',
  model: 'gpt-4o',
  serviceTier: 'standard',
  tokens: { ...ZERO_TOKENS, input: 2_000, output: 100, ...tokens },
  status: 'ok',
  attempt: 1,
  promptFingerprint: 'fp-a',
  tags: { team: 'support', feature: 'faq', user: 'u1' },
  ...more,
});

before(async () => {
  store = await DuckDbStore.open(join(directory, 'exact.duckdb'));
  pricer = createPricer({ registry });
  const events = [
    call('a1', '10:00:00'),
    call('b1', '10:05:00', { input: 2_100 }), // another question: $0.00625
    call('c1', '10:06:00', {}, { tags: { team: 'support', feature: 'faq', user: 'u2' } }),
    call('d1', '10:07:00', {}, { promptFingerprint: undefined }),
    call('d2', '10:08:00', {}, { promptFingerprint: undefined }),
    call('e1', '10:09:00', {}, { status: 'error', errorKind: 'timeout' }),
    // Half the prompt read from the provider's cache: 1,000 × 2.50 + 1,000 × 1.25 + $0.001.
    call('f1', '10:10:00', { cacheRead: 1_000 }),
    call('a2', '10:30:00'),
    call('a3', '10:59:59'),
    call('a4', '11:00:00'),
    call('a5', '11:10:00'),
  ];
  await store.append(events.map((event) => ({ ...event, pricing: pricer.price(event) })));
});

after(() => store.close());

const replay = async (change: Partial<WhatIfRequest>, where = 'feature=faq') => {
  const [row] = await runWhatIf(
    store,
    pricer,
    parseWhatIfRequest(
      { from: '2026-11-10', to: '2026-11-10', where: [where], cache: 'exact', ...change },
      providers,
    ),
  );
  assert.ok(row);
  return row;
};
const near = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} is not ${expected}`);

test('an exact cache answers repeats within the hour for nothing, and expires on the hour', async () => {
  // Now: a1–a5, c1, d1, d2, e1 at $0.006 (9 × 0.006 = $0.054), b1 $0.00625, f1 $0.00475 =
  // $0.065. a1 writes at 10:00; f1, a2 and a3 hit; a4 at 11:00:00 finds it expired and writes
  // again; a5 hits. b1 (another prompt size), c1 (another user), d1/d2 (no fingerprint) and e1
  // (failed) never hit: saving 3 × $0.006 + $0.00475 = $0.02275.
  const row = await replay({});
  assert.equal(row.requests, 11);
  near(row.current_cost, 0.065);
  near(row.saving, 0.02275);
  near(row.whatif_cost, 0.04225);
});

test('--cache-ttl shortens the entries’ life', async () => {
  // Ten minutes: a1 (10:00) expires at 10:10:00, so f1 misses and writes; a2 (10:30) and a3
  // (10:59:59) miss and write; a4 (11:00:00) hits a3's entry; a5 (11:10) finds it expired.
  const row = await replay({ cacheTtl: '600' });
  near(row.saving, 0.006);
});

test('only calls in the whatif’s scope fill and read the cache', async () => {
  // User u2 made one call: nothing earlier in scope to repeat.
  const row = await replay({}, 'user=u2');
  assert.equal(row.requests, 1);
  near(row.saving, 0);
});

test('the exact cache’s options are checked', () => {
  const parse = (change: Partial<WhatIfRequest>) =>
    parseWhatIfRequest({ from: '2026-11-01', to: '2026-11-30', ...change }, providers);
  assert.deepEqual(parse({ cache: 'exact' }).scenario, { kind: 'exact-cache', ttlSeconds: 3600 });
  assert.deepEqual(parse({ cache: 'exact', cacheTtl: '60' }).scenario, {
    kind: 'exact-cache',
    ttlSeconds: 60,
  });
  assert.throws(() => parse({ cache: 'exact', cacheTtl: '1.5' }), /whole number of seconds/);
  assert.throws(() => parse({ cache: 'prefix', cacheTtl: '60' }), /needs --cache exact/);
  assert.throws(() => parse({ cache: 'semantic' }), /not prefix or exact/);
});
