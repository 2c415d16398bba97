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

const directory = tempDirectory('what-if-scenarios');
const registry = createProviderRegistry([]);
const providers = registry.names();
let store: DuckDbStore;
let pricer: Pricer;

// gpt-4o: $2.50 input (and cache writes), $1.25 cache reads, $10 output per 1M; batch half.
// claude-sonnet-4-5: $3 input, $0.30 cache reads, $3.75 five-minute cache writes per 1M.
const call = (
  id: string,
  feature: string,
  at: string,
  tokens: Partial<TokenCounts>,
  more: Partial<UsageEvent> = {},
): UsageEvent => ({
  id,
  timestamp: Date.parse(at),
  source: 'gateway',
  provider: 'openai',
  model: 'gpt-4o',
  serviceTier: 'standard',
  tokens: { ...ZERO_TOKENS, input: 10_000, cacheRead: 4_000, output: 1_000, ...tokens },
  status: 'ok',
  attempt: 1,
  tags: { team: 'support', feature },
  ...more,
});

const sonnet = (id: string, at: string, fingerprint: string, system: number) =>
  call(
    id,
    'cached',
    at,
    { input: 5_000, cacheRead: 0, output: 0 },
    {
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      promptFingerprint: fingerprint,
      prompt: { systemPromptTokens: system, toolDefinitionTokens: 500 },
    },
  );

before(async () => {
  store = await DuckDbStore.open(join(directory, 'scenarios.duckdb'));
  pricer = createPricer({ registry });
  const events = [
    call('tier', 'tiered', '2026-11-10T10:00:00Z', {}),
    call('long', 'answers', '2026-11-10T10:00:00Z', { reasoning: 700 }),
    call('short', 'answers', '2026-11-10T11:00:00Z', { output: 300 }),
    call(
      'timeout',
      'retried',
      '2026-11-10T10:00:00Z',
      { cacheRead: 0, output: 0 },
      {
        status: 'error',
        errorKind: 'timeout',
        requestId: 'r1',
      },
    ),
    call('retry', 'retried', '2026-11-10T10:00:05Z', {}, { attempt: 2, retryOf: 'r1' }),
    call(
      'bloated',
      'bloated',
      '2026-11-10T10:00:00Z',
      {},
      { prompt: { systemPromptTokens: 3_000 } },
    ),
    sonnet('first', '2026-11-10T10:00:00Z', 'fp-a', 1_500),
    sonnet('second', '2026-11-10T10:20:00Z', 'fp-a', 1_500),
    sonnet('third', '2026-11-10T10:40:00Z', 'fp-a', 1_500),
    sonnet('next-hour', '2026-11-10T11:10:00Z', 'fp-a', 1_500),
    sonnet('too-short', '2026-11-10T10:30:00Z', 'fp-b', 300),
  ];
  await store.append(events.map((event) => ({ ...event, pricing: pricer.price(event) })));
});

after(() => store.close());

const saving = async (feature: string, change: Partial<WhatIfRequest>) => {
  const [row] = await runWhatIf(
    store,
    pricer,
    parseWhatIfRequest(
      { from: '2026-11-10', to: '2026-11-10', where: [`feature=${feature}`], ...change },
      providers,
    ),
  );
  assert.ok(row);
  return row;
};
const near = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} is not ${expected}`);

test('the batch tier halves the same tokens', async () => {
  // 6,000 × 2.50 + 4,000 × 1.25 + 1,000 × 10 = $0.030, half on batch.
  const row = await saving('tiered', { tier: 'batch' });
  near(row.current_cost, 0.03);
  near(row.whatif_cost, 0.015);
});

test('an output cap cuts longer answers, reasoning last, and leaves shorter ones', async () => {
  // 1,000 → 400 output tokens (400 of them reasoning): 6,000 × 2.50 + 4,000 × 1.25 + 400 × 10
  // = $0.024 instead of $0.030; the 300-token answer is under the cap.
  const row = await saving('answers', { outputCap: '400' });
  near(row.saving, 0.006);
});

test('fixing retries removes what the failed attempts billed, not the retry that served', async () => {
  // The timeout billed its 10,000-token prompt: $0.025. The retry ($0.030) stays.
  const row = await saving('retried', { fixRetries: 'true' });
  near(row.current_cost, 0.055);
  near(row.whatif_cost, 0.03);
});

test('a shorter system prompt removes its tokens where the prefix is cached', async () => {
  // 3,000 → 1,000 system prompt tokens: 2,000 fewer cache reads, 2,000 × 1.25 = $0.0025.
  const row = await saving('bloated', { systemPromptTokens: '1000' });
  near(row.saving, 0.0025);
});

test('a prompt cache writes the prefix once per fingerprint, model and hour, then reads it', async () => {
  // Each call: 5,000 uncached × $3 = $0.015; four calls of fp-a, one of fp-b ($0.015 too).
  // fp-a's 2,000-token prefix (1,500 system + 500 tools): the first call of each hour writes it,
  // 2,000 × 3.75 + 3,000 × 3 = $0.0165; the two later calls of the first hour read it,
  // 2,000 × 0.30 + 3,000 × 3 = $0.0096. fp-b's 800-token prefix is under the 1,024 minimum.
  const row = await saving('cached', { cache: 'prefix' });
  near(row.current_cost, 0.075);
  near(row.whatif_cost, 0.0165 * 2 + 0.0096 * 2 + 0.015);
});

test('the new changes are checked like the old ones', () => {
  const parse = (change: Partial<WhatIfRequest>) =>
    parseWhatIfRequest({ from: '2026-11-01', to: '2026-11-30', ...change }, providers);
  assert.throws(() => parse({ tier: 'gold' }), /not batch or flex/);
  assert.throws(() => parse({ cache: 'everything' }), /not prefix/);
  assert.throws(() => parse({ outputCap: '0' }), /whole number/);
  assert.throws(() => parse({ tier: 'batch', outputCap: '100' }), /exactly one change/);
  assert.deepEqual(parse({ systemPromptTokens: '900' }).scenario, {
    kind: 'system-prompt',
    maxSystemPromptTokens: 900,
  });
});
