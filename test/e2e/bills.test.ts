import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildPricer } from '../../src/cli/build-pricer.ts';
import { configSchema } from '../../src/config/index.ts';
import type { PricedUsageEvent, UsageEvent } from '../../src/domain/usage-event.ts';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { DuckDbTabularReader } from '../../src/store/duckdb/duckdb-tabular-reader.ts';
import { runCli, runCliJson } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'src', 'ingest', 'bills', '__fixtures__');
const IMPORTS = [
  ['openai-costs', 'openai-costs-api.json'],
  ['openai-usage', 'openai-usage-api-completions.json'],
  ['anthropic-usage', 'anthropic-usage-report.json'],
  ['anthropic-cost', 'anthropic-cost-report.json'],
  ['aws-cur', 'aws-cur2-bedrock.csv'],
  ['gcp-billing', 'gcp-billing-vertex.csv'],
  ['azure-cost', 'azure-cost-openai.csv'],
] as const;

type Row = {
  provider: string;
  invoiced_cost: number;
  invoiced_tokens: number;
  metered_cost: number;
  metered_tokens: number;
  bypass_cost: number;
  price_difference: number;
  untagged_cost: number;
  attributed_share: number | null;
  gap: number;
};

const close = (actual: number | null | undefined, expected: number, label: string) =>
  assert.ok(
    Math.abs((actual ?? Number.NaN) - expected) < 1e-9,
    `${label}: ${actual} vs ${expected}`,
  );

/** Two metered gpt-4o-mini calls on 9 March 2026: $0.21 tagged search, $0.075 untagged. */
function meteredCalls(): UsageEvent[] {
  const call = (id: string, input: number, output: number, team?: string): UsageEvent => ({
    id,
    timestamp: Date.UTC(2026, 2, 9, 12),
    source: 'api',
    provider: 'openai',
    model: 'gpt-4o-mini-2024-07-18',
    serviceTier: 'standard',
    tokens: { input, output, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 },
    status: 'ok',
    attempt: 1,
    tags: team ? { team } : {},
  });
  return [call('metered-1', 1_000_000, 100_000, 'search'), call('metered-2', 500_000, 0)];
}

describe('bill import and reconciliation, from the fixtures', () => {
  const cwd = tempDirectory('bills');

  before(async () => {
    const pricer = buildPricer(configSchema.parse({}));
    const store = await DuckDbStore.open(join(cwd, '.tokenops', 'tokenops.duckdb'));
    await store.append(
      meteredCalls().map((event): PricedUsageEvent => ({ ...event, pricing: pricer.price(event) })),
    );
    await store.close();
  });

  it('imports every fixture, and a second import changes nothing', () => {
    for (const [format, file] of IMPORTS) {
      const [first] = runCliJson<[{ lines: number; new_lines: number }]>(
        ['import', join(FIXTURES, file), '--format', format],
        cwd,
      );
      assert.ok(
        first.lines > 0 && first.new_lines === first.lines,
        `${format}: ${JSON.stringify(first)}`,
      );
      const [again] = runCliJson<[{ new_lines: number; already_imported: number }]>(
        ['import', join(FIXTURES, file), '--format', format],
        cwd,
      );
      assert.equal(again.new_lines, 0, format);
      assert.equal(again.already_imported, first.lines, format);
    }
  });

  it('reconciles to the totals worked out by hand', () => {
    const rows = runCliJson<Row[]>(
      ['reconcile', '--from', '2026-03-09', '--to', '2026-03-10', '--by', 'provider'],
      cwd,
    );
    const by = (provider: string) => rows.find((row) => row.provider === provider);
    // Invoices: the fixtures' own totals (fixtures/README.md); Anthropic's cost report is
    // 9,919.64804 cents for 9 March; Azure's is the importer fixture's seven meter lines.
    close(by('anthropic')?.invoiced_cost, 99.1964804, 'anthropic invoice');
    close(by('bedrock')?.invoiced_cost, 55.839340875, 'bedrock invoice');
    close(by('gemini')?.invoiced_cost, 11.8008375, 'gemini invoice');
    close(by('azure')?.invoiced_cost, 18.41392, 'azure invoice');
    const openai = by('openai')!;
    close(openai.invoiced_cost, 37.923973, 'openai invoice');
    // Tokens from the usage export (not the costs export): 61,321,262 uncached input +
    // 27,164,672 cached + 12,769,625 output.
    assert.equal(openai.invoiced_tokens, 101_255_559);
    // Metered: 1,000,000 × 0.15 + 100,000 × 0.60 = $0.21 (search) and 500,000 × 0.15 = $0.075.
    close(openai.metered_cost, 0.285, 'openai metered');
    assert.equal(openai.metered_tokens, 1_600_000);
    close(openai.gap, 37.923973 - 0.285, 'openai gap');
    // The 99,655,559 tokens tokenops never saw, at the bill's average rate.
    const bypass = (99_655_559 * 37.923973) / 101_255_559;
    close(openai.bypass_cost, bypass, 'openai bypass');
    close(openai.price_difference, 37.923973 - 0.285 - bypass, 'openai price difference');
    close(openai.untagged_cost, 0.075, 'openai untagged');
    assert.equal(openai.attributed_share, Math.round((0.21 / 37.923973) * 1e6) / 1e6);
    close(by('anthropic')?.attributed_share, 0, 'nothing of the Anthropic bill is attributed');
  });

  it('puts seat-priced tools beside API spend in every report', () => {
    const file = join(FIXTURES, 'subscriptions.csv');
    runCliJson(['import', file, '--format', 'subscription'], cwd);
    runCliJson(['import', file, '--format', 'subscription'], cwd);
    const rows = runCliJson<{ provider: string; team: string; cost: number }[]>(
      ['report', '--by', 'provider,team', '--from', '2026-03-01', '--to', '2026-03-01'],
      cwd,
    );
    const cost = (provider: string, team: string) =>
      rows.find((row) => row.provider === provider && row.team === team)?.cost;
    // Cursor: 25 seats × $40 for platform; 12 × $40 + $86.40 overage for search.
    assert.equal(cost('cursor', 'platform'), 1000);
    close(cost('cursor', 'search'), 566.4, 'cursor search');
    // GitHub Copilot: 60 × $19, no team.
    assert.equal(cost('github-copilot', '(unattributed)'), 1140);
    const [cursor] = runCliJson<Row[]>(
      ['reconcile', '--from', '2026-03-01', '--to', '2026-03-01', '--by', 'provider'],
      cwd,
    ).filter((row) => row.provider === 'cursor');
    close(cursor?.gap, 0, 'a subscription is metered as billed');
  });

  it('refuses a corrupt file naming the line and column, and keeps nothing of it', async () => {
    const before = runCliJson<Row[]>(
      ['reconcile', '--from', '2026-03-09', '--to', '2026-03-10', '--by', 'provider'],
      cwd,
    );
    const fixture = join(FIXTURES, 'aws-cur2-bedrock.csv');
    const lines = readFileSync(fixture, 'utf8').split('\n');
    // Line 7 of the file (the sixth data row) gets a usage amount that is not a number.
    const reader = new DuckDbTabularReader();
    let cost: string | null | undefined;
    for await (const batch of reader.read(fixture, 'csv', 100)) {
      cost ??= batch.rows.find((row) => row.line === 7)?.values.line_item_usage_amount;
    }
    reader.close();
    assert.ok(
      cost && lines[6]!.split(`,${cost},`).length === 2,
      'the amount appears once on line 7',
    );
    lines[6] = lines[6]!.replace(`,${cost},`, ',abc,');
    const corrupt = join(cwd, 'corrupt-cur.csv');
    writeFileSync(corrupt, lines.join('\n'));
    const result = runCli(['import', corrupt, '--format', 'aws-cur'], cwd);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /line 7, column line_item_usage_amount: "abc" is not a number.*Fix: /,
    );
    const wrong = runCli(
      ['import', join(FIXTURES, 'aws-cur2-bedrock.csv'), '--format', 'gcp-billing'],
      cwd,
    );
    assert.match(wrong.stderr, /column .* is missing.*import it as format aws-cur/);
    assert.deepEqual(
      runCliJson<Row[]>(
        ['reconcile', '--from', '2026-03-09', '--to', '2026-03-10', '--by', 'provider'],
        cwd,
      ),
      before,
    );
  });
});
