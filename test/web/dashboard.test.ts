import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  formatCount,
  formatInstant,
  formatMoney,
  formatPercent,
} from '../../web/src/format/format.ts';
import { screenshot, SCREENSHOTS } from '../helpers/dashboard-browser.ts';
import {
  DASHBOARD_TOKEN as TOKEN,
  DEMO_RANGE as RANGE,
  startDashboardSession,
  type DashboardSession,
} from '../helpers/dashboard-session.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

type Row = Record<string, unknown> & {
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  reasoning_tokens: number;
  cost: number;
};

describe('the dashboard on the demo workload', () => {
  const cwd = tempDirectory('dashboard');
  let session: DashboardSession;
  let browser: Browser;
  let page: Page;
  const api = <T>(path: string) => session.api<T>(path);
  const open = (path: string) => session.open(path);
  const text = (testId: string) => session.text(testId);
  const tableCells = (testId: string) => session.tableCells(testId);

  before(async () => {
    session = await startDashboardSession({
      cwd,
      tokenKnown: false,
      config: [
        'governance:',
        '  evaluateIntervalMs: 200',
        'budgets:',
        '  - name: search-monthly',
        '    scope: { team: search }',
        '    period: month',
        '    limitUsd: 0.01',
        '  - name: org-weekly',
        '    scope: {}',
        '    period: week',
        '    limitUsd: 1000',
        '    hard: true',
      ],
    });
    ({ browser, page } = session);
  });

  after(async () => {
    await session?.close();
  });

  it('asks for the admin token, keeps it for the tab and then shows the data', async () => {
    await open(`/overview?${RANGE}`);
    const refusal = page.getByRole('alert').first();
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /admin token/);
    await page.getByText('Admin token', { exact: true }).click();
    await page.getByLabel('Token', { exact: true }).fill(TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByTestId('total-cost').waitFor();
    await page.reload();
    await page.getByTestId('total-cost').waitFor();
  });

  it('overview: totals, token split, top teams and models equal the API', async () => {
    await open(`/overview?${RANGE}`);
    await page.getByTestId('total-cost').waitFor();
    const [total] = await api<Row[]>(`report?${RANGE}`);
    assert.ok(total);
    assert.equal(await text('total-cost'), formatMoney(total.cost));
    assert.equal(await text('total-tokens'), formatCount(total.input_tokens + total.output_tokens));
    assert.equal(await text('total-requests'), formatCount(total.requests));
    const all = total.input_tokens + total.output_tokens;
    const split = [
      total.input_tokens - total.cache_read_tokens,
      total.cache_read_tokens,
      total.output_tokens - total.reasoning_tokens,
      total.reasoning_tokens,
    ];
    assert.deepEqual(
      (await tableCells('token-split')).map((cells) => cells.slice(1)),
      split.map((tokens) => [formatCount(tokens), formatPercent(tokens / all)]),
    );
    for (const dimension of ['team', 'model']) {
      const rows = await api<Row[]>(`report?${RANGE}&by=${dimension}`);
      const top = rows.sort((a, b) => b.cost - a.cost).slice(0, 5);
      assert.deepEqual(
        await tableCells(`top-${dimension}`),
        top.map((row) => [
          String(row[dimension]),
          formatMoney(row.cost),
          formatCount(row.input_tokens + row.output_tokens),
        ]),
      );
    }
    const daily = await api<Row[]>(`report?${RANGE}&grain=day`);
    assert.equal(daily.length, 21);
    assert.match(
      (await page.getByRole('img', { name: /per day/ }).getAttribute('aria-label')) ?? '',
      /^Cost per day, 2026-03-11 to 2026-03-31$/,
    );
    await screenshot(page, 'overview');

    await page.getByLabel('Tokens').check();
    await page.waitForURL(/metric=tokens/);
    assert.match(
      (await page.getByRole('img', { name: /per day/ }).getAttribute('aria-label')) ?? '',
      /^Tokens per day/,
    );
    await page.getByText('Show the data as a table').click();
    assert.equal(await page.locator('.chart tbody tr').count(), daily.length);
    assert.equal(
      await page.locator('.chart tbody tr').first().locator('td').nth(1).textContent(),
      formatCount((daily[0]?.input_tokens ?? 0) + (daily[0]?.output_tokens ?? 0)),
    );
  });

  it('overview: a range without data shows the empty state', async () => {
    await open('/overview?from=2025-01-01&to=2025-01-02');
    const empty = page.getByText('No spend for this range and these filters.');
    await empty.waitFor();
  });

  it('allocation: group, drill down into a row, and a reload keeps the view', async () => {
    await open(`/allocation?${RANGE}`);
    await page.getByTestId('allocation').waitFor();
    const expected = async (query: string) => {
      const rows = await api<Row[]>(`report?${RANGE}&${query}`);
      const all = rows.reduce((sum, row) => sum + row.cost, 0);
      const by = new URLSearchParams(query).get('by') ?? '';
      return rows.map((row) => [
        String(row[by]),
        formatCount(row.requests),
        formatCount(row.input_tokens + row.output_tokens),
        formatMoney(row.cost),
        formatPercent(row.cost / all),
      ]);
    };
    const teams = await expected('by=team');
    assert.deepEqual(await tableCells('allocation'), teams);
    const team = teams.find((cells) => cells[0] !== '(unattributed)')?.[0] ?? '';
    await page.getByRole('button', { name: team, exact: true }).click();
    await page.waitForURL(/by=service/);
    const url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll('where'), [`team:${team}`]);
    await page.getByRole('button', { name: `Remove filter team = ${team}` }).waitFor();
    const services = await expected(`by=service&where=team:${team}`);
    await page
      .getByTestId('allocation')
      .locator('tbody td')
      .first()
      .getByText(services[0]?.[0] ?? '', { exact: true })
      .waitFor();
    assert.deepEqual(await tableCells('allocation'), services);
    await page.reload();
    await page.getByTestId('allocation').waitFor();
    assert.deepEqual(await tableCells('allocation'), services);
    assert.equal(await page.getByLabel('Group by').inputValue(), 'service');
    await screenshot(page, 'allocation');

    await page.getByLabel('or by tag').fill('region');
    await page.getByRole('button', { name: 'Group', exact: true }).click();
    await page.waitForURL(/by=tag%3Aregion/);
    await page.getByTestId('allocation').locator('caption', { hasText: 'tag:region' }).waitFor();
    assert.deepEqual(
      await tableCells('allocation'),
      await expected(`by=tag:region&where=team:${team}`),
    );
  });

  it('budgets and alerts: spend, share, forecast and alerts equal the API', async () => {
    // Spend in the current period, so the budgets have something to show and alerts fire.
    const now = new Date().toISOString();
    const events = [1, 2, 3].map((index) => ({
      id: `dashboard-now-${index}`,
      timestamp: now,
      provider: 'openai',
      model: 'gpt-4o-mini',
      input_tokens: 40_000,
      output_tokens: 2_000,
      tags: { team: 'search', feature: 'ranking' },
    }));
    const posted = await fetch(`${session.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    assert.equal(posted.status, 200, await posted.text());
    type Alert = { key: string; kind: string; severity: string; created_at: string; title: string };
    let alerts: Alert[] = [];
    for (let tries = 0; alerts.length === 0 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      alerts = await api<Alert[]>('alerts');
    }
    assert.ok(alerts.length > 0, 'the budget threshold alerts');

    await open('/budgets');
    await page.getByTestId('budgets').waitFor();
    await page.getByTestId('alerts').waitFor();
    type Budget = {
      name: string;
      scope: Record<string, string>;
      hard: boolean;
      spent_usd: number;
      limit_usd: number;
      share_used: number;
      forecast_usd: number | null;
      forecast_lower_usd: number | null;
      forecast_upper_usd: number | null;
      runs_out_on: string | null;
      resets_at: string;
    };
    const budgets = await api<Budget[]>('budgets');
    assert.deepEqual(
      await tableCells('budgets'),
      budgets.map((budget) => [
        `${budget.name}${budget.hard ? ' (hard)' : ''}`,
        Object.entries(budget.scope)
          .map(([key, value]) => `${key} = ${value}`)
          .join(', ') || 'everything',
        formatMoney(budget.spent_usd),
        formatMoney(budget.limit_usd),
        formatPercent(budget.share_used),
        budget.forecast_usd === null
          ? '—'
          : `${formatMoney(budget.forecast_usd)} (${formatMoney(budget.forecast_lower_usd)}–${formatMoney(budget.forecast_upper_usd)})`,
        budget.runs_out_on ?? 'not this period',
        formatInstant(budget.resets_at),
      ]),
    );
    const search = budgets.find((budget) => budget.name === 'search-monthly');
    assert.ok(search && search.share_used > 1, 'the tiny budget is over');
    assert.equal(
      await page
        .getByRole('meter', { name: 'search-monthly: share of the limit used', exact: true })
        .getAttribute('aria-valuenow'),
      String(Math.round(search.share_used * 100)),
    );
    // The governance loop may raise another alert between the page's fetch and ours: then the
    // page is reloaded and compared again.
    const alertCells = async () =>
      (await api<Alert[]>('alerts')).map((alert) => [
        formatInstant(alert.created_at),
        alert.kind,
        alert.severity,
        alert.title,
        'no channel',
      ]);
    let [shown, expected] = [await tableCells('alerts'), await alertCells()];
    for (
      let tries = 0;
      JSON.stringify(shown) !== JSON.stringify(expected) && tries < 3;
      tries += 1
    ) {
      await page.reload();
      await page.getByTestId('alerts').waitFor();
      [shown, expected] = [await tableCells('alerts'), await alertCells()];
    }
    assert.deepEqual(shown, expected);
    await screenshot(page, 'budgets');
  });

  it('anomalies: the runaway day is shaded and listed as the API finds it', async () => {
    await open('/anomalies?from=2026-03-25&to=2026-03-25');
    await page.getByTestId('anomalies').waitFor();
    type Anomaly = {
      scope: Record<string, string>;
      kind: string;
      metric: string;
      start: string;
      end: string;
      observed: number;
      expected: number;
      score: number;
    };
    const rows = await api<Anomaly[]>('anomalies?by=team&from=2026-03-25&to=2026-03-25');
    assert.ok(rows.some((row) => row.scope.team === 'developer-productivity'));
    const value = (row: Anomaly, number: number) =>
      row.metric === 'cost' ? formatMoney(number) : formatCount(number);
    assert.deepEqual(
      await tableCells('anomalies'),
      rows.map((row) => [
        Object.entries(row.scope)
          .map(([key, scopeValue]) => `${key} = ${scopeValue}`)
          .join(', '),
        row.kind,
        row.metric.replaceAll('_', ' '),
        formatInstant(row.start),
        formatInstant(row.end),
        value(row, row.observed),
        value(row, row.expected),
        row.score.toFixed(1),
      ]),
    );
    const spans = new Set(rows.map((row) => `${row.start} ${row.end}`)).size;
    await page
      .getByRole('img', { name: `Cost per hour with ${spans} anomalous spans shaded` })
      .waitFor();
    const hours = await api<Row[]>('report?grain=hour&from=2026-03-25&to=2026-03-25');
    assert.equal(hours.length, 24);
    await screenshot(page, 'anomalies');
  });

  it('forecast: month-end total, interval and daily band as the API forecasts them', async () => {
    await open('/forecast?from=2026-03-11&to=2026-03-20');
    await page.getByTestId('forecast-total').waitFor();
    type Forecast = {
      month: string;
      method: string;
      spent_to_date: number;
      forecast_total: number;
      daily: unknown[];
    };
    const [forecast] = await api<Forecast[]>('forecast?month=2026-03&as_of=2026-03-20');
    assert.ok(forecast && forecast.daily.length === 11);
    assert.equal(await text('forecast-month'), '2026-03');
    assert.equal(await text('forecast-spent'), formatMoney(forecast.spent_to_date));
    assert.equal(await text('forecast-total'), formatMoney(forecast.forecast_total));
    assert.equal(await text('forecast-method'), forecast.method);
    await page.getByText('Show the data as a table').click();
    // The month's days spent so far, then the forecast days.
    const spent = await api<Row[]>('report?grain=day&from=2026-03-01&to=2026-03-20');
    assert.equal(spent.length, 10);
    assert.equal(
      await page.locator('.chart tbody tr').count(),
      spent.length + forecast.daily.length,
    );
    assert.deepEqual(
      (await page.locator('.chart tbody tr').first().locator('td').allTextContents()).slice(0, 2),
      ['2026-03-11', formatMoney(spent[0]?.cost)],
    );
    await screenshot(page, 'forecast');
  });

  it('the views are reached with the keyboard alone, the filters kept', async () => {
    await open(`/overview?${RANGE}&where=environment:production`);
    await page.getByTestId('total-cost').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').textContent(), 'Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').textContent(), 'Allocation');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/allocation\?/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Allocation');
    assert.deepEqual(new URL(page.url()).searchParams.getAll('where'), ['environment:production']);
    assert.equal(
      await page.getByRole('link', { name: 'Allocation' }).getAttribute('aria-current'),
      'page',
    );
    await page.goBack();
    await page.waitForURL(/\/overview\?/);
    await page.getByTestId('total-cost').waitFor();
  });

  it('fits a phone-width screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
    await phone.addInitScript({
      content: `sessionStorage.setItem('tokenops.adminToken', ${JSON.stringify(TOKEN)});`,
    });
    const small = await phone.newPage();
    try {
      for (const view of ['overview', 'budgets']) {
        await small.goto(`${session.url}/${view}?${RANGE}`);
        await small.getByRole('heading', { level: 1 }).waitFor();
        await small.locator('table').first().waitFor();
        const width = Number(await small.evaluate('document.documentElement.scrollWidth'));
        assert.ok(width <= 375, `${view} is ${width}px wide`);
        await small.screenshot({ path: join(SCREENSHOTS, `phone-${view}.png`), fullPage: true });
      }
    } finally {
      await phone.close();
    }
  });
});
