import { join } from 'node:path';
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

const BILL_FIXTURES = join(
  import.meta.dirname,
  '..',
  '..',
  'src',
  'ingest',
  'bills',
  '__fixtures__',
);

const costWithShare = (cost: number, share: number | null) =>
  `${formatMoney(cost)} (${formatPercent(share)})`;

describe('the unit economics, layers, traces, recommendations, reconciliation and prompt bloat views on the demo workload', () => {
  const cwd = tempDirectory('insight-views');
  let session: DashboardSession;

  before(async () => {
    session = await startDashboardSession({
      cwd,
      tokenKnown: true,
      bills: [{ file: join(BILL_FIXTURES, 'openai-costs-api.json'), format: 'openai-costs' }],
    });
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

  it('unit economics, layers and traces follow the filters in the URL', async () => {
    const [team] = await session.api<{ team: string }[]>(`report?by=team&${RANGE}`);
    assert.ok(team);
    const where = `where=${encodeURIComponent(`team:${team.team}`)}`;
    const cells = async (view: string, testId: string) => {
      await session.open(`/${view}?${RANGE}&${where}`);
      await session.page.getByTestId(testId).waitFor();
      return session.tableCells(testId);
    };

    type Unit = Record<string, number | null> & { feature: string };
    const all = await session.api<Unit[]>(`unit-economics?by=feature&${RANGE}`);
    const mine = await session.api<Unit[]>(`unit-economics?by=feature&${RANGE}&${where}`);
    const cost = (rows: Unit[]) => rows.reduce((sum, row) => sum + (row.cost ?? 0), 0);
    assert.ok(cost(mine) > 0 && cost(mine) < cost(all), 'the filter keeps one team of several');
    assert.deepEqual(
      (await cells('unit-economics', 'unit-economics')).map((row) => row.slice(0, 3)),
      mine.map((row) => [row.feature, formatCount(row.requests), formatMoney(row.cost)]),
    );

    type Layers = { feature: string; total_cost: number };
    const layers = await session.api<Layers[]>(`layers?by=feature&${RANGE}&${where}`);
    assert.deepEqual(
      (await cells('layers', 'layers')).map((row) => row.slice(0, 2)),
      layers.map((row) => [row.feature, formatMoney(row.total_cost)]),
    );

    // Traces by the costliest trace's feature: every trace listed then opens with that feature.
    type Trace = { trace_id: string; feature: string | null };
    const [top] = await session.api<Trace[]>(`traces?top=1&${RANGE}`);
    assert.ok(top?.feature);
    const byFeature = `where=${encodeURIComponent(`feature:${top.feature}`)}`;
    const traces = await session.api<Trace[]>(`traces?top=10&${RANGE}&${byFeature}`);
    assert.ok(traces.length > 0 && traces.every((row) => row.feature === top.feature));
    await session.open(`/traces?${RANGE}&${byFeature}`);
    await session.page.getByTestId('traces').waitFor();
    assert.deepEqual(
      (await session.tableCells('traces')).map((row) => row.slice(0, 2)),
      traces.map((row) => [row.trace_id, row.feature]),
    );
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

  it('recommendations: the total saving and each recommendation as the API gives them, by kind', async () => {
    type Recommendation = {
      kind: string;
      scope: Record<string, string>;
      title: string;
      monthly_saving: number;
      quality_risk: { level: string; reason: string };
      whatif: string;
    };
    const expected = (rows: Recommendation[]) =>
      [...rows]
        .sort((a, b) => b.monthly_saving - a.monthly_saving)
        .map((row) => [
          row.kind,
          row.title,
          Object.entries(row.scope)
            .map(([key, value]) => `${key}=${value}`)
            .join(', '),
          formatMoney(row.monthly_saving),
          `${row.quality_risk.level}: ${row.quality_risk.reason}`,
          row.whatif,
        ]);
    const total = (rows: Recommendation[]) =>
      formatMoney(rows.reduce((sum, row) => sum + row.monthly_saving, 0));
    // Each recommendations answer replays the workload for seconds: rather than ask the same
    // question twice, the test reads the answer the page got and checks that it asked the
    // query the URL names.
    const answerTo = async (kind: string) => {
      const response = await session.page.waitForResponse(
        (one) =>
          new URL(one.url()).pathname === '/api/v1/recommendations' &&
          (new URL(one.url()).searchParams.get('kind') ?? '') === kind,
        { timeout: 30_000 },
      );
      const query = new URL(response.url()).searchParams;
      assert.equal(`from=${query.get('from')}&to=${query.get('to')}`, RANGE);
      assert.equal(response.status(), 200);
      return (await response.json()) as Recommendation[];
    };
    const allAnswer = answerTo('');
    await session.open(`/recommendations?${RANGE}`);
    const all = await allAnswer;
    await session.page.getByTestId('recommendations').waitFor({ timeout: 30_000 });
    assert.ok(all.length > 2);
    assert.ok(all.some((row) => row.kind === 'tiering'));
    assert.deepEqual(await session.tableCells('recommendations'), expected(all));
    assert.equal(await session.text('recommendations-total'), total(all));
    await screenshot(session.page, 'recommendations');

    const tieringAnswer = answerTo('tiering');
    await session.page.getByLabel('Kind').selectOption('tiering');
    await session.page.waitForURL(/kind=tiering/);
    const tiering = await tieringAnswer;
    assert.ok(tiering.length > 0 && tiering.length < all.length);
    assert.ok(tiering.every((row) => row.kind === 'tiering'));
    await session.page
      .getByTestId('recommendations')
      .locator(`tbody tr:nth-child(${tiering.length}):last-child`)
      .waitFor({ timeout: 30_000 });
    assert.deepEqual(await session.tableCells('recommendations'), expected(tiering));
    assert.equal(await session.text('recommendations-total'), total(tiering));
  });

  it('reconciliation: the metered side and no bill said plainly, then an imported bill against the meter', async () => {
    await session.open(`/reconcile?${RANGE}`);
    await session.page.getByTestId('reconcile').waitFor();
    type Reconciliation = {
      provider: string;
      model: string;
      invoiced_cost: number;
      metered_cost: number;
      gap: number;
      bypass_cost: number;
      price_difference: number;
      untagged_cost: number;
      metered_tokens: number;
      invoiced_tokens: number;
      attributed_share: number | null;
      explanation: string;
    };
    const cells = (row: Reconciliation) => [
      row.provider,
      row.model,
      formatMoney(row.invoiced_cost),
      formatMoney(row.metered_cost),
      formatMoney(row.gap),
      formatMoney(row.bypass_cost),
      formatMoney(row.price_difference),
      formatMoney(row.untagged_cost),
      formatCount(row.metered_tokens),
      formatPercent(row.attributed_share),
      row.explanation,
    ];
    const rows = await session.api<Reconciliation[]>(`reconcile?by=provider,model&${RANGE}`);
    assert.ok(rows.length > 3);
    // The demo imports no bill: every row is metered only.
    assert.ok(rows.every((row) => row.invoiced_tokens === 0 && row.invoiced_cost === 0));
    assert.deepEqual(await session.tableCells('reconcile'), rows.map(cells));
    assert.equal(
      await session.text('reconcile-metered'),
      formatMoney(rows.reduce((sum, row) => sum + row.metered_cost, 0)),
    );
    assert.equal(await session.text('reconcile-invoiced'), 'no bill imported');
    assert.match(await session.text('reconcile-no-bills'), /No bill is imported/);
    await screenshot(session.page, 'reconcile-no-bills');

    // The OpenAI costs fixture (imported before the server started) bills 9 and 10 March,
    // $37.923973, before the demo's first day: a range from the 9th holds the bill too.
    const billed = 'from=2026-03-09&to=2026-03-31';
    await session.open(`/reconcile?${billed}`);
    await session.page.getByTestId('reconcile').waitFor();
    const withBill = await session.api<Reconciliation[]>(`reconcile?by=provider,model&${billed}`);
    const invoiced = withBill.reduce((sum, row) => sum + row.invoiced_cost, 0);
    assert.ok(Math.abs(invoiced - 37.923973) < 1e-6, String(invoiced));
    assert.deepEqual(await session.tableCells('reconcile'), withBill.map(cells));
    assert.equal(await session.text('reconcile-invoiced'), formatMoney(invoiced));
    assert.equal(
      await session.text('reconcile-gap'),
      formatMoney(withBill.reduce((sum, row) => sum + row.gap, 0)),
    );
    assert.equal(await session.page.getByTestId('reconcile-no-bills').count(), 0);
    await screenshot(session.page, 'reconcile');
  });

  it("prompt bloat: each feature's weekly system prompt cost as the API gives it; support-chat grows", async () => {
    await session.open(`/prompt-bloat?${RANGE}`);
    await session.page.getByTestId('prompt-bloat').waitFor();
    const weeks = [
      ['2026-03-11', '2026-03-17'],
      ['2026-03-18', '2026-03-24'],
      ['2026-03-25', '2026-03-31'],
    ] as const;
    type Layers = {
      feature: string;
      system_prompt_cost: number;
      system_prompt_share: number | null;
      calls: number;
    };
    const answers = await Promise.all(
      weeks.map(([from, to]) => session.api<Layers[]>(`layers?by=feature&from=${from}&to=${to}`)),
    );
    const features = [...new Set(answers.flatMap((rows) => rows.map((row) => row.feature)))].sort();
    const expected = features.flatMap((feature) =>
      answers.flatMap((rows, index) => {
        const row = rows.find((one) => one.feature === feature);
        const [from, to] = weeks[index] ?? ['', ''];
        return row
          ? [
              [
                feature,
                `${from} – ${to}`,
                formatMoney(row.system_prompt_cost),
                formatPercent(row.system_prompt_share),
                formatCount(row.calls),
              ],
            ]
          : [];
      }),
    );
    assert.deepEqual(await session.tableCells('prompt-bloat'), expected);
    const support = answers.map(
      (rows) => rows.find((row) => row.feature === 'support-chat')?.system_prompt_cost ?? 0,
    );
    assert.equal(support.length, 3);
    // The demo's support-chat system prompt grows about 15 % a week.
    const [first = 0, second = 0, third = 0] = support;
    assert.ok(first > 0 && second > first && third > second, support.join(', '));
    const shown = (await session.tableCells('prompt-bloat'))
      .filter((row) => row[0] === 'support-chat')
      .map((row) => row[2]);
    assert.deepEqual(
      shown,
      support.map((cost) => formatMoney(cost)),
    );
    assert.ok(
      (await session.page
        .getByRole('img', { name: /Weekly system prompt cost by feature/ })
        .count()) === 1,
    );
    await screenshot(session.page, 'prompt-bloat');
  });
});
