import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BilledClass, BillingLine } from '../../domain/billing-line.ts';
import { openAiUsageImporter } from './openai-usage-importer.ts';

const USAGE = fileURLToPath(
  new URL('__fixtures__/openai-usage-api-completions.json', import.meta.url),
);

function tokensByClass(lines: BillingLine[]): Partial<Record<BilledClass, number>> {
  const totals: Partial<Record<BilledClass, number>> = {};
  for (const line of lines) {
    totals[line.billedClass] = (totals[line.billedClass] ?? 0) + (line.quantity ?? 0);
  }
  return totals;
}

function page(results: object[]): object {
  return {
    object: 'page',
    data: [{ object: 'bucket', start_time: 1773014400, end_time: 1773100800, results }],
  };
}

describe('openAiUsageImporter', () => {
  it('splits input into disjoint uncached, cache-read and cache-write lines', async () => {
    const document: unknown = JSON.parse(await readFile(USAGE, 'utf8'));
    const { lines, rowsRead } = openAiUsageImporter.mapDocument(document, USAGE);
    assert.equal(rowsRead, 5);
    assert.equal(lines.length, 20);
    assert.deepEqual(tokensByClass(lines), {
      // 2,466,185 + 12,604,118 + 31,250,000 + 2,690,417 + 12,310,542
      input: 61_321_262,
      // 4,382,720 + 9,216,000 + 0 + 4,718,592 + 8,847,360
      cache_read: 27_164_672,
      // reported as 0 in every result
      cache_write_5m: 0,
      // 1,968,400 + 3,012,775 + 2,750,000 + 2,104,330 + 2,934,120
      output: 12_769_625,
    });
    assert.ok(lines.every((line) => line.role === 'usage' && line.cost === undefined));
    const batch = lines.filter((line) => line.serviceTier === 'batch');
    assert.deepEqual(
      batch.map((line) => [line.billedClass, line.quantity]),
      [
        ['input', 31_250_000],
        ['cache_read', 0],
        ['cache_write_5m', 0],
        ['output', 2_750_000],
      ],
    );
  });

  it('reads older responses without the uncached and cache-write fields', () => {
    const { lines } = openAiUsageImporter.mapDocument(
      page([
        {
          object: 'organization.usage.completions.result',
          input_tokens: 5000,
          input_cached_tokens: 1200,
          output_tokens: 300,
          num_model_requests: 4,
          model: 'gpt-4o-2024-08-06',
          batch: null,
        },
      ]),
      'old.json',
    );
    // input 5,000 − cached 1,200 = 3,800 uncached; no cache-write line (not reported ≠ 0)
    assert.deepEqual(
      lines.map((line) => [line.billedClass, line.quantity, line.serviceTier]),
      [
        ['input', 3800, undefined],
        ['cache_read', 1200, undefined],
        ['output', 300, undefined],
      ],
    );
  });

  it('counts cache writes apart from uncached input and keeps grouping keys as tags', () => {
    const { lines } = openAiUsageImporter.mapDocument(
      page([
        {
          object: 'organization.usage.completions.result',
          input_tokens: 10_000,
          input_cached_tokens: 6000,
          input_cache_write_tokens: 1500,
          output_tokens: 700,
          model: 'gpt-5',
          api_key_id: 'key_abc',
          service_tier: 'flex',
        },
      ]),
      'new.json',
    );
    // uncached = 10,000 − 6,000 − 1,500 = 2,500
    assert.deepEqual(
      lines.map((line) => [line.billedClass, line.quantity, line.serviceTier]),
      [
        ['input', 2500, 'flex'],
        ['cache_read', 6000, 'flex'],
        ['cache_write_5m', 1500, 'flex'],
        ['output', 700, 'flex'],
      ],
    );
    assert.deepEqual(lines[0]?.tags, { 'openai/api_key_id': 'key_abc' });
  });

  it('refuses counts that cannot be tokens, naming the path', () => {
    assert.throws(
      () =>
        openAiUsageImporter.mapDocument(
          page([{ object: 'organization.usage.completions.result', input_tokens: 12.5 }]),
          'bad.json',
        ),
      /bad\.json data\[0\]\.results\[0\]\.input_tokens: is not a whole number/,
    );
    assert.throws(
      () =>
        openAiUsageImporter.mapDocument(
          page([{ input_tokens: 10, input_cached_tokens: 20 }]),
          'bad.json',
        ),
      /input_tokens: is smaller than its cached and cache-write parts/,
    );
  });
});
