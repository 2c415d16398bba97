import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { toStoredPrecision } from '../../domain/money.ts';
import { anthropicCostImporter } from './anthropic-cost-importer.ts';

const COST = fileURLToPath(new URL('__fixtures__/anthropic-cost-report.json', import.meta.url));

function report(results: object[]): object {
  return {
    data: [{ starting_at: '2026-03-09T00:00:00Z', ending_at: '2026-03-10T00:00:00Z', results }],
    has_more: false,
    next_page: null,
  };
}

describe('anthropicCostImporter', () => {
  it('turns amounts in cents into dollars, exactly', async () => {
    const document: unknown = JSON.parse(await readFile(COST, 'utf8'));
    const { lines } = anthropicCostImporter.mapDocument(document, COST);
    assert.equal(lines.length, 11);
    // 1152.693 + 451.6875 + 1446.35904 + 1658.13 + 37 + 1860 + 1485 + 987.022 + 80.4 + 60.3
    // + 701.0565 = 9919.64804 cents = $99.1964804
    const total = lines.reduce((sum, line) => sum + (line.cost ?? 0), 0);
    assert.equal(toStoredPrecision(total), 99.1964804);
    // "1152.693" cents → $11.52693, the decimal point moved in the text: no binary noise.
    assert.equal(lines[0]?.cost, 11.52693);
    assert.deepEqual(
      lines.map((line) => `${line.model ?? '-'} ${line.billedClass} ${line.serviceTier ?? '-'}`),
      [
        'claude-sonnet-4-5-20250929 input standard',
        'claude-sonnet-4-5-20250929 cache_write_5m standard',
        'claude-sonnet-4-5-20250929 cache_read standard',
        'claude-sonnet-4-5-20250929 output standard',
        '- web_search -',
        'claude-sonnet-4-5-20250929 input batch',
        'claude-sonnet-4-5-20250929 output batch',
        'claude-haiku-4-5-20251001 input standard',
        'claude-haiku-4-5-20251001 cache_write_1h standard',
        'claude-haiku-4-5-20251001 cache_read standard',
        'claude-haiku-4-5-20251001 output standard',
      ],
    );
    assert.ok(lines.every((line) => line.role === 'cost' && line.quantity === undefined));
  });

  it('reads the structured fields, not the description, and the long context window', () => {
    const { lines } = anthropicCostImporter.mapDocument(
      report([
        {
          currency: 'USD',
          amount: '250',
          workspace_id: null,
          description: 'wording that changed',
          cost_type: 'tokens',
          context_window: '200k-1M',
          model: 'claude-sonnet-4-5-20250929',
          service_tier: 'standard',
          token_type: 'uncached_input_tokens',
        },
        { currency: 'USD', amount: '12.5', cost_type: 'code_execution' },
      ]),
      'cost.json',
    );
    assert.deepEqual(
      lines.map((line) => [line.billedClass, line.contextTier, line.cost]),
      [
        ['input', 'long', 2.5],
        ['other', undefined, 0.125],
      ],
    );
  });

  it('keeps the id of a line whose amount a later report corrects', () => {
    const line = (amount: string) =>
      anthropicCostImporter.mapDocument(
        report([{ currency: 'USD', amount, model: 'm', token_type: 'output_tokens' }]),
        'cost.json',
      ).lines[0];
    assert.equal(line('100')?.id, line('101.5')?.id);
    assert.equal(line('101.5')?.cost, 1.015);
  });

  it('refuses an amount that is not a decimal string', () => {
    assert.throws(
      () => anthropicCostImporter.mapDocument(report([{ currency: 'USD', amount: 12 }]), 'c.json'),
      /c\.json data\[0\]\.results\[0\]\.amount: is not text/,
    );
    assert.throws(
      () =>
        anthropicCostImporter.mapDocument(report([{ currency: 'USD', amount: '1,2' }]), 'c.json'),
      /amount: is not a decimal string/,
    );
  });
});
