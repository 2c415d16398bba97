import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ZERO_TOKENS } from '../../src/domain/token-classes.ts';
import type { UsageEvent } from '../../src/domain/usage-event.ts';
import { parseRecommendRequest, recommend } from '../../src/optimize/index.ts';
import { createPricer, type Pricer } from '../../src/pricing/index.ts';
import { createProviderRegistry } from '../../src/providers/index.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('recommend');
const registry = createProviderRegistry([]);
const providers = registry.names();
let store: DuckDbStore;
let pricer: Pricer;

// gpt-4o: 1,000 input × $2.50 + 100 output × $10 per 1M = $0.0035 a call; half on batch.
const call = (index: number, tier: 'standard' | 'batch'): UsageEvent => ({
  id: `${tier}-${index}`,
  // Ten days from 2026-03-01, at 02:00 UTC.
  timestamp: Date.parse('2026-03-01T02:00:00Z') + (index % 10) * 86_400_000 + index,
  source: 'api',
  provider: 'openai',
  model: 'gpt-4o',
  serviceTier: tier,
  tokens: { ...ZERO_TOKENS, input: 1_000, output: 100 },
  status: 'ok',
  attempt: 1,
  tags: { feature: 'nightly-report' },
});

before(async () => {
  store = await DuckDbStore.open(join(directory, 'recommend.duckdb'));
  pricer = createPricer({ registry });
  const events = [
    ...Array.from({ length: 40 }, (_, index) => call(index, 'standard')),
    ...Array.from({ length: 10 }, (_, index) => call(index, 'batch')),
  ];
  await store.append(events.map((event) => ({ ...event, pricing: pricer.price(event) })));
});

after(() => store.close());

test('the default period is the stored days, and the saving is its replay scaled to 30 days', async () => {
  const spec = await parseRecommendRequest({ kind: 'batch' }, store, providers);
  assert.ok(spec);
  assert.equal(new Date(spec.from).toISOString(), '2026-03-01T00:00:00.000Z');
  assert.equal(new Date(spec.to).toISOString(), '2026-03-11T00:00:00.000Z');
  const [batch, ...rest] = await recommend(store, pricer, spec);
  assert.equal(rest.length, 0);
  // 40 standard calls × $0.00175 saved over 10 days = $0.07, × 30 / 10 = $0.21 a month.
  assert.ok(Math.abs(Number(batch?.monthly_saving) - 0.21) < 1e-12);
  assert.equal(batch?.quality_risk.level, 'low');
  assert.equal(
    batch?.whatif,
    'tokenops whatif --from 2026-03-01 --to 2026-03-10 --where feature=nightly-report --tier batch',
  );
});

test('an unknown kind is refused; an empty store has nothing to recommend', async () => {
  await assert.rejects(
    parseRecommendRequest({ kind: 'tiering,cheaper' }, store, providers),
    /"cheaper" is not a recommendation kind/,
  );
  const empty = { timeRange: () => Promise.resolve(null) };
  assert.equal(await parseRecommendRequest({}, empty, providers), null);
});
