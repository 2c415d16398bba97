import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { REPORT_TOKEN_COLUMNS, type ReportRow } from '../../src/store/report-spec.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const TOKEN_COLUMNS = ['requests', ...REPORT_TOKEN_COLUMNS] as const;

function totals(rows: readonly ReportRow[]): Record<string, number> {
  const sum: Record<string, number> = { cost: 0, list_cost: 0 };
  for (const row of rows) {
    for (const column of TOKEN_COLUMNS) sum[column] = (sum[column] ?? 0) + row[column];
    sum.cost! += row.cost;
    sum.list_cost! += row.list_cost;
  }
  return sum;
}

/** A one-line error that names the fix, and a failing exit status. */
function assertOneLineError(
  result: { status: number | null; stderr: string },
  pattern: RegExp,
): void {
  assert.equal(result.status, 1, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line expected, got: ${result.stderr}`);
  assert.match(lines[0] ?? '', pattern);
  assert.match(lines[0] ?? '', /Fix: /);
}

describe('tokenops CLI on a fresh data directory', () => {
  const cwd = tempDirectory('cli');
  let demoEvents = 0;
  let grandTotal: Record<string, number>;

  before(() => {
    const loaded = runCliJson<[{ events: number }]>(
      ['demo', '--days', '3', '--events-per-day', '2000', '--seed', '7', '--end', '2026-03-10'],
      cwd,
    );
    demoEvents = loaded[0].events;
    grandTotal = totals(runCliJson<ReportRow[]>(['report'], cwd));
  });

  it('loads the demo and reports every event once', () => {
    assert.ok(demoEvents > 5000, `demo wrote ${demoEvents} events`);
    assert.equal(grandTotal.requests, demoEvents);
    assert.ok(grandTotal.cost! > 0 && grandTotal.cost! <= grandTotal.list_cost!);
  });

  it('sets a soft monthly budget per team a tenth above its demo spend', () => {
    const byTeam = runCliJson<ReportRow[]>(['report', '--by', 'team'], cwd);
    const budgets = runCliJson<{ name: string; limit_usd: number; hard: boolean }[]>(
      ['budgets'],
      cwd,
    );
    const tagged = byTeam.filter((row) => row.team !== '(unattributed)');
    assert.equal(budgets.length, tagged.length);
    for (const row of tagged) {
      const budget = budgets.find((item) => item.name === `demo-${String(row.team)}-monthly`);
      // Rounded up to $10 above 110 % of the team's spend.
      assert.equal(budget?.limit_usd, Math.ceil((row.cost * 1.1) / 10) * 10, String(row.team));
      assert.equal(budget?.hard, false);
    }
  });

  it('gives the same totals in every grouping (no token counted twice, no row lost to a null tag)', () => {
    for (const by of [
      'team',
      'feature,environment',
      'provider,model',
      'customer,user',
      'tag:region',
    ]) {
      for (const grain of ['none', 'day', 'hour']) {
        const rows = runCliJson<ReportRow[]>(['report', '--by', by, '--grain', grain], cwd);
        const sum = totals(rows);
        for (const column of TOKEN_COLUMNS)
          assert.equal(sum[column], grandTotal[column], `${column} by ${by} ${grain}`);
        assert.ok(Math.abs(sum.cost! - grandTotal.cost!) < 1e-6, `cost by ${by} ${grain}`);
      }
    }
    const byTeam = runCliJson<ReportRow[]>(['report', '--by', 'team'], cwd);
    assert.ok(
      byTeam.some((row) => row.team === '(unattributed)'),
      'untagged calls group under (unattributed)',
    );
  });

  it('filters with --where and writes CSV with a header row', () => {
    const production = runCliJson<ReportRow[]>(
      ['report', '--by', 'environment', '--where', 'environment=production'],
      cwd,
    );
    assert.deepEqual(
      production.map((row) => row.environment),
      ['production'],
    );
    const csv = runCli(['report', '--by', 'team', '--format', 'csv'], cwd);
    assert.equal(csv.status, 0);
    assert.equal(
      csv.stdout.split('\n')[0],
      'team,requests,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,reasoning_tokens,cost,list_cost',
    );
  });

  it('prices one call exactly as PRODUCT.md §9 prints it', () => {
    const quote = runCliJson<Record<string, unknown>>(
      [
        'prices',
        'cost',
        '--provider',
        'openai',
        '--model',
        'o4-mini',
        '--input',
        '3200',
        '--cache-read',
        '2048',
        '--output',
        '920',
        '--reasoning',
        '640',
      ],
      cwd,
    );
    assert.deepEqual(Object.keys(quote), [
      'provider',
      'model',
      'currency',
      'input_cost',
      'output_cost',
      'cache_read_cost',
      'cache_write_cost',
      'total_cost',
      'priced',
    ]);
    // (3200 − 2048) × 1.10 + 2048 × 0.275 + 920 × 4.40, per million tokens
    assert.ok(Math.abs((quote.total_cost as number) - 0.0058784) < 1e-12);
  });

  it('refuses bad input with one line naming the fix, and leaves the store as it was', () => {
    writeFileSync(
      join(cwd, 'broken.yaml'),
      'pricing:\n  overrides:\n    - model: gpt-4o\n      discount: 15\n',
    );
    assertOneLineError(
      runCli(['--config', 'broken.yaml', 'report'], cwd),
      /broken\.yaml:4: pricing\.overrides\.0\.discount/,
    );
    writeFileSync(join(cwd, 'syntax.yaml'), 'tags:\n  untagged: [accept\n');
    assertOneLineError(runCli(['--config', 'syntax.yaml', 'report'], cwd), /syntax\.yaml:\d+:/);
    assertOneLineError(
      runCli(['prices', 'cost', '--provider', 'openia', '--model', 'gpt-4o'], cwd),
      /unknown provider "openia"/,
    );
    assertOneLineError(
      runCli(
        ['prices', 'cost', '--provider', 'openai', '--model', 'gpt-4o', '--output', '-3'],
        cwd,
      ),
      /output "-3" is not a token count/,
    );
    assertOneLineError(runCli(['report', '--by', 'teams'], cwd), /"teams" is not a dimension/);
    assert.deepEqual(totals(runCliJson<ReportRow[]>(['report'], cwd)), grandTotal);
  });

  it('points at --server when a running server holds the store, and --server answers the same', async () => {
    const server = await startServer([], cwd);
    try {
      assertOneLineError(
        runCli(['report'], cwd),
        new RegExp(`in use by .*PID ${server.pid}.*--server`),
      );
      const viaServer = runCliJson<ReportRow[]>(
        ['--server', server.url, 'report', '--by', 'team'],
        cwd,
      );
      assert.deepEqual(totals(viaServer), grandTotal);
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      await server.stop();
    }
    assert.deepEqual(totals(runCliJson<ReportRow[]>(['report'], cwd)), grandTotal);
  });

  it('re-prices a period after an override change and prints the difference', () => {
    writeFileSync(
      join(cwd, 'discount.yaml'),
      'pricing:\n  overrides:\n    - provider: anthropic\n      discount: 0.1\n',
    );
    const before = runCliJson<ReportRow[]>(['report', '--by', 'provider'], cwd);
    const changes = runCliJson<{ provider: string; difference: number }[]>(
      ['--config', 'discount.yaml', 'reprice', '--from', '2026-03-01', '--to', '2026-03-31'],
      cwd,
    );
    const changed = changes.filter((row) => row.difference !== 0);
    assert.ok(changed.length > 0 && changed.every((row) => row.provider === 'anthropic'));
    const after = runCliJson<ReportRow[]>(['report', '--by', 'provider'], cwd);
    const anthropicBefore = before.find((row) => row.provider === 'anthropic')!;
    const anthropicAfter = after.find((row) => row.provider === 'anthropic')!;
    assert.ok(
      Math.abs(anthropicAfter.cost - anthropicBefore.cost * 0.9) < 1e-6,
      'effective cost is 10 % lower',
    );
    assert.ok(
      Math.abs(anthropicAfter.list_cost - anthropicBefore.list_cost) < 1e-9,
      'list cost unchanged',
    );
    const difference = changes.reduce((sum, row) => sum + row.difference, 0);
    assert.ok(Math.abs(difference - (anthropicAfter.cost - anthropicBefore.cost)) < 1e-6);
    const openai = (rows: ReportRow[]) => rows.find((row) => row.provider === 'openai')!.cost;
    assert.equal(openai(after), openai(before));
  });
});
