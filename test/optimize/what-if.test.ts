import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ZERO_TOKENS } from '../../src/domain/token-classes.ts';
import type { UsageEvent } from '../../src/domain/usage-event.ts';
import { parseWhatIfRequest, runWhatIf } from '../../src/optimize/index.ts';
import { createPricer, type Pricer } from '../../src/pricing/index.ts';
import { createProviderRegistry } from '../../src/providers/index.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const directory = tempDirectory('what-if');
const registry = createProviderRegistry([]);
const providers = registry.names();
let store: DuckDbStore;
let pricer: Pricer;

// gpt-4o: $2.50 input, $1.25 cached input, $10 output per 1M; gpt-4o-mini: $0.15, $0.075, $0.60.
const call = (id: string, feature: string, at: string): UsageEvent => ({
  id,
  timestamp: Date.parse(at),
  source: 'gateway',
  provider: 'openai',
  model: 'gpt-4o',
  serviceTier: 'standard',
  tokens: { ...ZERO_TOKENS, input: 10_000, cacheRead: 4_000, output: 1_000 },
  status: 'ok',
  attempt: 1,
  tags: { team: 'support', feature },
});

before(async () => {
  store = await DuckDbStore.open(join(directory, 'what-if.duckdb'));
  pricer = createPricer({ registry });
  const events = [
    call('a', 'chat', '2026-11-10T10:00:00Z'),
    call('b', 'chat', '2026-11-11T10:00:00Z'),
    call('c', 'search', '2026-11-11T11:00:00Z'),
    call('outside', 'chat', '2026-12-02T10:00:00Z'),
  ];
  await store.append(events.map((event) => ({ ...event, pricing: pricer.price(event) })));
});

after(() => store.close());

const replay = (request: Parameters<typeof parseWhatIfRequest>[0]) =>
  runWhatIf(store, pricer, parseWhatIfRequest(request, providers));

test('another model re-prices the recorded tokens of the matching calls in the period', async () => {
  const [row] = await replay({
    from: '2026-11-01',
    to: '2026-11-30',
    where: ['feature=chat'],
    model: 'gpt-4o-mini',
  });
  // Each call: 6,000 × 2.50 + 4,000 × 1.25 + 1,000 × 10 = $0.030 on gpt-4o;
  // 6,000 × 0.15 + 4,000 × 0.075 + 1,000 × 0.60 = $0.0018 on gpt-4o-mini. Two calls.
  assert.equal(row?.requests, 2);
  assert.ok(Math.abs(Number(row?.current_cost) - 0.06) < 1e-12);
  assert.ok(Math.abs(Number(row?.whatif_cost) - 0.0036) < 1e-12);
  assert.ok(Math.abs(Number(row?.saving) - 0.0564) < 1e-12);
  assert.ok(Math.abs(Number(row?.saving_share) - 0.94) < 1e-9);
  assert.equal(row?.unpriced, 0);
});

test('a context cap trims uncached prompt tokens first and keeps the cached prefix', async () => {
  const rows = await replay({
    from: '2026-11-01',
    to: '2026-11-30',
    by: 'feature',
    contextCap: '5000',
  });
  // 10,000 → 5,000: 1,000 uncached + 4,000 cached left: 1,000 × 2.50 + 4,000 × 1.25 + 1,000 × 10
  // = $0.0175 a call instead of $0.030.
  assert.deepEqual(
    rows.map((row) => [row.feature, row.requests]),
    [
      ['chat', 2],
      ['search', 1],
    ],
  );
  assert.ok(Math.abs(Number(rows[0]?.whatif_cost) - 0.035) < 1e-12);
  assert.ok(Math.abs(Number(rows[1]?.saving) - 0.0125) < 1e-12);
});

test("another provider's model is named provider:model; an unknown one is left out as unpriced", async () => {
  const [anthropic] = await replay({
    from: '2026-11-01',
    to: '2026-11-30',
    where: ['feature=search'],
    model: 'anthropic:claude-3-5-haiku-latest',
  });
  assert.equal(anthropic?.unpriced, 0);
  assert.ok(Number(anthropic?.whatif_cost) > 0);
  const [unknown] = await replay({
    from: '2026-11-01',
    to: '2026-11-30',
    model: 'no-such-model',
  });
  assert.equal(unknown?.unpriced, 3);
  assert.equal(unknown?.whatif_cost, 0);
});

test('a whatif needs a period and exactly one change', () => {
  assert.throws(
    () => parseWhatIfRequest({ from: '2026-11-01', model: 'gpt-4o-mini' }, providers),
    /both ends/,
  );
  assert.throws(
    () =>
      parseWhatIfRequest(
        { from: '2026-11-01', to: '2026-11-30', model: 'gpt-4o-mini', contextCap: '9' },
        providers,
      ),
    /exactly one change/,
  );
  assert.throws(
    () =>
      parseWhatIfRequest({ from: '2026-11-01', to: '2026-11-30', contextCap: 'many' }, providers),
    /whole number/,
  );
});
