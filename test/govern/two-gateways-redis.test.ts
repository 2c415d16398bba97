import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { Redis } from 'ioredis';
import { startStandIn, type StandIn } from '../../src/demo/stand-ins/index.ts';
import { startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

// Two `tokenops start` processes share one hard budget through the Redis on 127.0.0.1:6379.
const REDIS_URL = 'redis://127.0.0.1:6379';
const BUDGET = `two-gateways-${process.pid}-${Date.now()}`;
const LIMIT_USD = 0.02;
const PROMPT = 'Summarise the quarterly report in three short bullet points for the board.';
const MAX_TOKENS = 300;
const CALLS = 300;
const IN_FLIGHT = 24;
// gpt-4o-mini: $0.15 per 1M input, $0.60 per 1M output.
const promptTokens = countTokens(PROMPT);
const costOf = (output: number) => (promptTokens * 0.15 + output * 0.6) / 1e6;
const ESTIMATE_USD = costOf(MAX_TOKENS);

const directory = tempDirectory('two-gateways');
let standIn: StandIn;
let gateways: { url: string; stop: () => Promise<void> }[] = [];

before(async () => {
  standIn = await startStandIn({ kind: 'openai', latencyMs: 5, record: false });
  const config = join(directory, 'tokenops.yaml');
  writeFileSync(
    config,
    [
      `providers: { openai: { baseUrl: "${standIn.url}" } }`,
      `redis: { url: "${REDIS_URL}" }`,
      'budgets:',
      `  - { name: ${BUDGET}, scope: { team: load }, period: month, limitUsd: ${LIMIT_USD}, hard: true }`,
    ].join('\n'),
  );
  gateways = await Promise.all(
    ['a', 'b'].map((name) =>
      startServer(['--config', config, '--data', join(directory, name)], directory),
    ),
  );
});

after(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await standIn.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`tokenops:{ledger}:budget:${BUDGET}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

test('two gateways under concurrent load never overspend a shared budget by more than one estimate', async () => {
  let next = 0;
  let spent = 0;
  let admitted = 0;
  let refused = 0;
  const worker = async (lane: number) => {
    while (next < CALLS) {
      const call = next++;
      // Outputs vary 100…300 tokens, each within the max_tokens the estimate reserves.
      const output = 100 + ((call * 37) % 201);
      const gateway = gateways[(call + lane) % 2];
      const response = await fetch(`${gateway?.url}/openai/v1/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tokenops-team': 'load',
          'x-stand-in-usage': JSON.stringify({
            prompt_tokens: promptTokens,
            completion_tokens: output,
          }),
        },
        body: JSON.stringify({
          model: 'gpt-4o-mini',
          max_tokens: MAX_TOKENS,
          messages: [{ role: 'user', content: PROMPT }],
        }),
      });
      const body = (await response.json()) as { error?: { type?: string; budget?: string } };
      if (response.status === 200) {
        admitted += 1;
        spent += costOf(output);
      } else {
        assert.equal(response.status, 429);
        assert.equal(body.error?.type, 'budget_exceeded');
        assert.equal(body.error?.budget, BUDGET);
        refused += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, lane) => worker(lane)));

  assert.ok(refused > 0, 'the load passed the budget, so some calls were refused');
  assert.ok(
    spent <= LIMIT_USD + ESTIMATE_USD,
    `spent $${spent} on a $${LIMIT_USD} budget (one estimate: $${ESTIMATE_USD})`,
  );
  assert.ok(spent >= 0.8 * LIMIT_USD, `the budget was used, not blocked early: $${spent}`);

  // What the two stores priced adds up to what was admitted.
  const stored = await waitForStoredCost(admitted);
  assert.ok(Math.abs(stored - spent) < 1e-9, `stores hold $${stored}, calls cost $${spent}`);
});

async function waitForStoredCost(requests: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const rows = await Promise.all(
      gateways.map(async (gateway) => {
        const response = await fetch(`${gateway.url}/api/v1/report?by=team`);
        return (await response.json()) as { requests: number; cost: number }[];
      }),
    );
    const all = rows.flat();
    const counted = all.reduce((sum, row) => sum + row.requests, 0);
    if (counted === requests) return all.reduce((sum, row) => sum + row.cost, 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the stores never held ${requests} requests`);
}
