import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { EstimateRow, ForecastRow } from '../../src/govern/index.ts';
import type { ReportRow } from '../../src/store/report-spec.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const cents = (amount: number) => Math.round(amount * 100);
const ESTIMATE = [
  '--input-tokens',
  '2000',
  '--output-tokens',
  '500',
  '--requests-per-day',
  '10000',
];

describe('forecast and estimate', () => {
  const cwd = tempDirectory('forecast');
  let marchSoFar = 0;

  before(() => {
    // Five weeks of traffic ending 2026-03-20: enough for the weekly season.
    runCliJson(
      ['demo', '--days', '35', '--events-per-day', '500', '--end', '2026-03-20', '--seed', '9'],
      cwd,
    );
    const report = runCliJson<ReportRow[]>(
      ['report', '--from', '2026-03-01', '--to', '2026-03-20'],
      cwd,
    );
    marchSoFar = report[0]?.cost ?? 0;
  });

  it('forecasts the month of the latest data, as of the end of its last day', () => {
    const [org, ...others] = runCliJson<ForecastRow[]>(['forecast'], cwd);
    assert.ok(org);
    assert.equal(others.length, 0);
    assert.equal(org.month, '2026-03');
    assert.equal(org.as_of, '2026-03-21T00:00:00.000Z');
    assert.equal(org.method, 'holt-winters');
    assert.equal(org.history_days, 35);
    assert.equal(cents(org.spent_to_date), cents(marchSoFar));
    assert.deepEqual(
      org.daily.map((day) => day.day),
      Array.from({ length: 11 }, (_, index) => `2026-03-${21 + index}`),
    );
    const total = org.forecast_total ?? 0;
    const runRate = (marchSoFar / 20) * 31;
    assert.ok(total > 0.85 * runRate && total < 1.15 * runRate, `${total} vs ${runRate}`);
    assert.ok((org.forecast_lower ?? 0) >= org.spent_to_date);
    assert.ok((org.forecast_lower ?? 0) < total && total < (org.forecast_upper ?? 0));
  });

  it('forecasts per team, the teams adding up to the org so far', () => {
    const teams = runCliJson<ForecastRow[]>(
      ['forecast', '--by', 'team', '--month', '2026-03'],
      cwd,
    );
    assert.ok(teams.length > 3);
    const spent = teams.reduce((sum, row) => sum + row.spent_to_date, 0);
    assert.equal(cents(spent), cents(marchSoFar));
    const sorted = [...teams].sort((a, b) => (b.forecast_total ?? 0) - (a.forecast_total ?? 0));
    assert.deepEqual(teams, sorted);
    const early = runCliJson<ForecastRow[]>(['forecast', '--as-of', '2026-02-16'], cwd);
    assert.equal(early[0]?.method, 'simple-smoothing');
    assert.equal(early[0]?.month, '2026-02');
  });

  it('compares the monthly cost of candidate models, cheapest first', () => {
    const rows = runCliJson<EstimateRow[]>(
      ['estimate', '--model', 'gpt-4o,gpt-4o-mini', ...ESTIMATE],
      cwd,
    );
    // gpt-4o-mini: 2,000 × $0.15/M + 500 × $0.60/M = $0.0006 a request, $6 a day, $180 a month.
    // gpt-4o: 2,000 × $2.50/M + 500 × $10/M = $0.01 a request, $100 a day, $3,000 a month.
    assert.deepEqual(
      rows.map((row) => [
        row.model,
        row.provider,
        row.cost_per_request,
        row.cost_per_day,
        row.cost_per_month,
        row.difference_per_month,
      ]),
      [
        ['gpt-4o-mini', 'openai', 0.0006, 6, 180, 0],
        ['gpt-4o', 'openai', 0.01, 100, 3000, 2820],
      ],
    );
    const unknown = runCli(['estimate', '--model', 'gpt-4o-mini,gtp-5-typo', ...ESTIMATE], cwd);
    assert.equal(unknown.status, 1);
    assert.match(
      unknown.stderr,
      /gtp-5-typo has no price .*Fix: write each model as provider:model/,
    );
  });

  it('answers the same on the API and through --server', async () => {
    const cli = runCliJson<ForecastRow[]>(['forecast', '--by', 'team'], cwd);
    const server = await startServer([], cwd);
    try {
      const api = (await (
        await fetch(`${server.url}/api/v1/forecast?by=team`)
      ).json()) as ForecastRow[];
      assert.deepEqual(api, cli);
      const viaServer = runCliJson<EstimateRow[]>(
        ['--server', server.url, 'estimate', '--model', 'openai:gpt-4o-mini', ...ESTIMATE],
        cwd,
      );
      assert.equal(viaServer[0]?.cost_per_month, 180);
      const refused = await fetch(`${server.url}/api/v1/estimate?model=gpt-4o-mini`);
      assert.equal(refused.status, 400);
      const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
        paths: Record<string, unknown>;
      };
      assert.ok('/api/v1/forecast' in document.paths && '/api/v1/estimate' in document.paths);
    } finally {
      await server.stop();
    }
  });
});
