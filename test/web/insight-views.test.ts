import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  formatCount,
  formatDuration,
  formatInstant,
  formatMoney,
  formatPercent,
  formatUnitMoney,
} from '../../web/src/format/format.ts';
import { screenshot } from '../helpers/dashboard-browser.ts';
import {
  DEMO_RANGE as RANGE,
  startDashboardSession,
  type DashboardSession,
} from '../helpers/dashboard-session.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const costWithShare = (cost: number, share: number | null) =>
  `${formatMoney(cost)} (${formatPercent(share)})`;

describe('the unit economics, layers and traces views on the demo workload', () => {
  const cwd = tempDirectory('insight-views');
  let session: DashboardSession;

  before(async () => {
    session = await startDashboardSession({ cwd, tokenKnown: true });
  });

  after(async () => {
    await session?.close();
  });

  it('unit economics: per request, per success and per active user as the API gives them', async () => {
    await session.open(`/unit-economics?${RANGE}`);
    await session.page.getByTestId('unit-economics').waitFor();
    type Unit = Record<string, number | null> & { feature: string };
    const rows = await session.api<Unit[]>(`unit-economics?by=feature&${RANGE}`);
    assert.ok(rows.length > 5);
    assert.deepEqual(
      await session.tableCells('unit-economics'),
      rows.map((row) => [
        row.feature,
        formatCount(row.requests),
        formatMoney(row.cost),
        formatUnitMoney(row.cost_per_request),
        formatPercent(row.success_rate),
        formatUnitMoney(row.cost_per_success),
        formatCount(row.active_users),
        formatUnitMoney(row.cost_per_active_user),
      ]),
    );
    await screenshot(session.page, 'unit-economics');
  });

  it('layers and yield: the five layers and the yield rates as the API gives them', async () => {
    await session.open(`/layers?${RANGE}`);
    await session.page.getByTestId('layers').waitFor();
    await session.page.getByTestId('yield').waitFor();
    type Layers = Record<string, number | null> & { feature: string; total_cost: number };
    const layers = await session.api<Layers[]>(`layers?by=feature&${RANGE}`);
    assert.deepEqual(
      await session.tableCells('layers'),
      layers.map((row) => [
        row.feature,
        formatMoney(row.total_cost),
        ...['system_prompt', 'context', 'output', 'retry', 'model_premium'].map((layer) =>
          costWithShare(row[`${layer}_cost`] ?? 0, row[`${layer}_share`] ?? null),
        ),
      ]),
    );
    type Yield = Record<string, number | null> & { team: string; feature: string };
    const yields = await session.api<Yield[]>(`yield?by=team,feature&${RANGE}`);
    assert.deepEqual(
      await session.tableCells('yield'),
      yields.map((row) => [
        row.team,
        row.feature,
        formatCount(row.tokens),
        formatPercent(row.yield_rate),
        formatPercent(row.goodput_rate),
        formatPercent(row.outcome_coverage),
      ]),
    );
    await screenshot(session.page, 'layers-and-yield');
  });

  it('agent traces: the costliest traces, and a chosen one as its call tree', async () => {
    await session.open(`/traces?${RANGE}`);
    await session.page.getByTestId('traces').waitFor();
    type Trace = {
      trace_id: string;
      feature: string | null;
      start: string;
      calls: number;
      tokens: number;
      cost: number;
      fan_out: number | null;
      duration_ms: number;
    };
    const traces = await session.api<Trace[]>(`traces?top=10&${RANGE}`);
    assert.equal(traces.length, 10);
    assert.deepEqual(
      await session.tableCells('traces'),
      traces.map((row) => [
        row.trace_id,
        row.feature ?? '—',
        formatInstant(row.start),
        formatCount(row.calls),
        formatCount(row.tokens),
        formatMoney(row.cost),
        row.fan_out === null ? '—' : `${row.fan_out.toFixed(1)}×`,
        formatDuration(row.duration_ms),
      ]),
    );
    // The runaway loop is the costliest trace; its tree is long.
    const second = traces[1]?.trace_id ?? '';
    await session.page.getByRole('button', { name: second, exact: true }).click();
    await session.page.waitForURL(new RegExp(`trace=${second}`));
    await session.page.getByTestId('trace-tree').waitFor();
    type Tree = {
      steps: {
        step: number;
        depth: number;
        call: string;
        status: string;
        input_tokens: number;
        output_tokens: number;
        cost: number;
        context_growth: number | null;
        grew_most: boolean;
      }[];
    };
    const tree = await session.api<Tree>(`traces/${encodeURIComponent(second)}`);
    assert.deepEqual(
      await session.tableCells('trace-tree'),
      tree.steps.map((step) => [
        String(step.step),
        `${step.call.trim()}${step.grew_most ? ' (grew most)' : ''}`,
        step.status,
        formatCount(step.input_tokens),
        formatCount(step.output_tokens),
        formatUnitMoney(step.cost),
        formatCount(step.context_growth),
      ]),
    );
    await session.page.reload();
    await session.page.getByTestId('trace-tree').waitFor();
    await screenshot(session.page, 'traces');
  });
});
