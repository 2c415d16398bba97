import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { LayersRow, TraceRow, TraceTree, YieldRow } from '../../src/analytics/index.ts';
import type { ReportRow } from '../../src/store/report-spec.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const cents = (amount: number) => Math.round(amount * 100);
const RANGE = ['--from', '2026-03-29', '--to', '2026-03-31'];

describe('layers, yield and traces on the demo workload', () => {
  const cwd = tempDirectory('insights');
  let reportTotal = 0;

  before(() => {
    runCliJson(['demo', '--days', '3', '--events-per-day', '1000', '--end', '2026-03-31'], cwd);
    reportTotal = runCliJson<ReportRow[]>(['report', ...RANGE], cwd)[0]?.cost ?? 0;
  });

  it('splits every feature into four layers that add up to the report total', () => {
    const rows = runCliJson<LayersRow[]>(['layers', '--by', 'feature', ...RANGE], cwd);
    assert.ok(rows.length > 5);
    for (const row of rows) {
      const layers = row.system_prompt_cost + row.context_cost + row.output_cost + row.retry_cost;
      assert.equal(cents(layers), cents(row.total_cost), String(row.feature));
      assert.ok(row.model_premium_cost >= 0 && row.model_premium_cost <= row.total_cost);
    }
    const total = rows.reduce((sum, row) => sum + row.total_cost, 0);
    assert.equal(cents(total), cents(reportTotal));
    assert.ok(rows.some((row) => row.retry_cost > 0 && row.system_prompt_cost > 0));
  });

  it('reports token yield per team and feature, outcome-less tokens apart', () => {
    const rows = runCliJson<YieldRow[]>(['yield', '--by', 'team,feature'], cwd);
    assert.ok(rows.some((row) => row.yield_rate !== null && row.yield_rate < 1));
    for (const row of rows) {
      assert.equal(row.success_tokens + row.failure_tokens + row.no_outcome_tokens, row.tokens);
      assert.ok(row.goodput_tokens <= row.success_tokens);
    }
  });

  it('finds coding-agent traces that fan out, and their call trees, on the CLI and the API', async () => {
    const top = runCliJson<TraceRow[]>(['traces', '--top', '3', ...RANGE], cwd);
    assert.equal(top.length, 3);
    assert.ok(top.some((row) => row.feature === 'coding-agent' && (row.fan_out ?? 0) > 1));
    const first = top[0];
    assert.ok(first);
    const tree = runCliJson<TraceTree>(['traces', 'show', first.trace_id], cwd);
    assert.equal(tree.calls, first.calls);
    assert.equal(tree.steps.length, first.calls);
    assert.ok(tree.grew_most_step !== null);
    const table = runCli(['traces', 'show', first.trace_id], cwd);
    assert.match(table.stdout, /grew the context most/);

    const server = await startServer([], cwd);
    try {
      const viaApi = (await (
        await fetch(`${server.url}/api/v1/traces/${encodeURIComponent(first.trace_id)}`)
      ).json()) as TraceTree;
      assert.deepEqual(viaApi, tree);
      const missing = await fetch(`${server.url}/api/v1/traces/no-such-trace`);
      assert.equal(missing.status, 404);
      const layers = (await (
        await fetch(`${server.url}/api/v1/layers?by=feature&from=2026-03-29&to=2026-03-31`)
      ).json()) as LayersRow[];
      assert.equal(cents(layers.reduce((sum, row) => sum + row.total_cost, 0)), cents(reportTotal));
      const yieldRows = await fetch(`${server.url}/api/v1/yield?by=team`);
      assert.equal(yieldRows.status, 200);
      const topViaApi = (await (
        await fetch(`${server.url}/api/v1/traces?top=3&from=2026-03-29&to=2026-03-31`)
      ).json()) as TraceRow[];
      assert.deepEqual(topViaApi, top);
    } finally {
      await server.stop();
    }
  });
});
