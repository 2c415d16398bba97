import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { contractCase, type ContractSkips } from './contract-case.ts';
import {
  buildLayersReport,
  buildTraceRow,
  buildTraceTree,
  buildYieldRow,
} from '../../src/analytics/index.ts';
import { createPricer } from '../../src/pricing/index.ts';
import { createProviderRegistry } from '../../src/providers/index.ts';
import type { InsightSpec } from '../../src/store/insights-spec.ts';
import type { Store } from '../../src/store/store.ts';
import {
  LAYER_CALLS,
  MARCH_10,
  MARCH_11,
  MARCH_12,
  TRACE_CALLS,
  YIELD_CALLS,
} from '../helpers/insight-events.ts';

const DAY = 86_400_000;

const cents = (amount: number) => Math.round(amount * 1e6) / 1e6;

/** Layers, yield and traces over hand-made calls, as every Store adapter must give them. */
export function runInsightsContract(
  name: string,
  openStore: () => Promise<Store>,
  skips: ContractSkips = {},
): void {
  describe(`Store insights contract: ${name}`, () => {
    const it = contractCase(skips);
    let store: Store;
    const pricer = createPricer({ registry: createProviderRegistry([]) });
    before(async () => {
      store = await openStore();
      await store.append([...LAYER_CALLS, ...YIELD_CALLS, ...TRACE_CALLS]);
    });
    after(() => store.close());

    const layers = async (references = {}) => {
      const spec: InsightSpec = { dimensions: ['feature'], from: MARCH_10, to: MARCH_10 + DAY };
      return buildLayersReport(spec, await store.layerGroups(spec), references, pricer);
    };

    it('splits spend into four layers that add up to the total, each worked out by hand', async () => {
      const rows = await layers({ chat: { provider: 'openai', model: 'gpt-4o-mini' } });
      const row = rows.find((candidate) => candidate.feature === 'chat');
      assert.ok(row);
      assert.equal(row.calls, 6);
      assert.equal(cents(row.total_cost), 0.0775);
      // e2 (errored), e4 (retried by e5) and e6 (aborted): 0.01 + 0.007 + 0.0035.
      assert.equal(cents(row.retry_cost), 0.0205);
      // 2,500 of e1's 10,000 input tokens × $0.025, and 1,000 of e3's 4,000 × $0.01.
      assert.equal(cents(row.system_prompt_cost), 0.00875);
      // Output of e1, e3 and e5.
      assert.equal(cents(row.output_cost), 0.017);
      assert.equal(cents(row.context_cost), 0.03125);
      assert.equal(
        cents(row.system_prompt_cost + row.context_cost + row.output_cost + row.retry_cost),
        cents(row.total_cost),
      );
      assert.equal(row.retry_share, 0.264516);
    });

    it('prices the same tokens on the reference model for the model-choice premium', async () => {
      const rows = await layers({ chat: { provider: 'openai', model: 'gpt-4o-mini' } });
      const chatRow = rows.find((row) => row.feature === 'chat');
      // 23,000 input and 2,000 output tokens on gpt-4o-mini: $0.00345 + $0.0012.
      assert.equal(cents(chatRow?.model_premium_cost ?? 0), cents(0.0775 - 0.00465));
      assert.equal(chatRow?.reference_model, 'openai/gpt-4o-mini');
      const searchRow = rows.find((row) => row.feature === 'search');
      // No reference configured: the cheapest model search used (mini) is it; s2 adds nothing.
      assert.equal(searchRow?.reference_model, 'openai/gpt-4o-mini');
      assert.equal(cents(searchRow?.model_premium_cost ?? 0), cents(0.35 - 0.021));
    });

    it('counts tokens by request outcome for yield, and goodput within the latency objective', async () => {
      const groups = await store.yieldGroups({
        dimensions: ['feature'],
        from: MARCH_11,
        to: MARCH_11 + DAY,
        objectives: [{ feature: 'chat', latencyMs: 1_000 }],
      });
      const rows = groups.map(buildYieldRow);
      assert.deepEqual(
        rows.find((row) => row.feature === 'chat'),
        {
          feature: 'chat',
          calls: 5,
          tokens: 1_050,
          // y1 inherits q2's success through retry_of; y3 succeeded too.
          success_tokens: 550,
          failure_tokens: 400,
          no_outcome_tokens: 100,
          yield_rate: 0.578947,
          // y2 only: y1 errored and y3 took 1.5 s against a 1 s objective.
          goodput_tokens: 150,
          goodput_rate: 0.157895,
          outcome_coverage: 0.904762,
        },
      );
      const batchRow = rows.find((row) => row.feature === 'batch');
      assert.equal(batchRow?.goodput_tokens, 1_000);
      assert.equal(batchRow?.yield_rate, 1);
    });

    it('finds the most expensive trace with its fan-out and duration', async () => {
      const top = (await store.topTraces({ limit: 1, from: MARCH_12, to: MARCH_12 + DAY })).map(
        buildTraceRow,
      );
      assert.deepEqual(top, [
        {
          trace_id: 't1',
          feature: 'chat',
          start: new Date(MARCH_12).toISOString(),
          calls: 6,
          tokens: 20_840,
          cost: 0.0175,
          first_call_tokens: 400,
          fan_out: 52.1,
          duration_ms: 7_000,
        },
      ]);
    });

    it('rebuilds the call tree from span ids and names the step that grew the context most', async () => {
      const tree = buildTraceTree('t1', await store.traceCalls('t1'));
      assert.deepEqual(
        tree.steps.map((step) => [step.span_id, step.depth, step.context_growth]),
        [
          ['s1', 0, null],
          ['s2', 1, 850],
          ['s3', 2, -1_200],
          ['s4', 2, 3_800],
          ['s5', 3, 8_000],
          ['s6', 1, 250],
        ],
      );
      assert.equal(tree.grew_most_step, 5);
      assert.equal(tree.steps[4]?.grew_most, true);
      assert.equal(tree.fan_out, 52.1);
      assert.deepEqual(await store.traceCalls('unknown'), []);
    });
  });
}
