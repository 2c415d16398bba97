import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BilledClass } from '../../domain/billing-line.ts';
import { anthropicUsageImporter } from './anthropic-usage-importer.ts';

const USAGE = fileURLToPath(new URL('__fixtures__/anthropic-usage-report.json', import.meta.url));

describe('anthropicUsageImporter', () => {
  it('imports uncached input, cache writes by TTL, cache reads, output and web searches', async () => {
    const document: unknown = JSON.parse(await readFile(USAGE, 'utf8'));
    const { lines, rowsRead } = anthropicUsageImporter.mapDocument(document, USAGE);
    assert.equal(rowsRead, 5);
    const totals: Partial<Record<BilledClass, number>> = {};
    for (const line of lines) {
      totals[line.billedClass] = (totals[line.billedClass] ?? 0) + (line.quantity ?? 0);
    }
    assert.deepEqual(totals, {
      // 3,842,310 + 12,400,000 + 9,870,220 + 4,010,876 + 10,233,410
      input: 40_356_816,
      // 1,204,500 + 0 + 0 + 998,300 + 0
      cache_write_5m: 2_202_800,
      // 0 + 0 + 402,000 + 0 + 385,000
      cache_write_1h: 787_000,
      // 48,211,968 + 0 + 6,030,000 + 51,380,224 + 6,420,000
      cache_read: 112_042_192,
      // 1,105,420 + 1,980,000 + 1,402,113 + 1,187,604 + 1,466,230
      output: 7_141_367,
      // 37 + 0 + 0 + 42 + 0 requests
      web_search: 79,
    });
    const batchInput = lines.find(
      (line) => line.serviceTier === 'batch' && line.billedClass === 'input',
    );
    assert.equal(batchInput?.quantity, 12_400_000);
    assert.equal(batchInput?.project, 'wrkspc_01HtQ3cY8mVx2KdR7pLs9NbA');
    assert.equal(batchInput?.periodStart, Date.UTC(2026, 2, 9));
    assert.equal(batchInput?.periodEnd, Date.UTC(2026, 2, 10));
    assert.equal(new Set(lines.map((line) => line.id)).size, lines.length);
  });

  it('reads the long-context window as the long tier', () => {
    const { lines } = anthropicUsageImporter.mapDocument(
      {
        data: [
          {
            starting_at: '2026-03-09T00:00:00Z',
            ending_at: '2026-03-09T01:00:00Z',
            results: [
              {
                uncached_input_tokens: 450_000,
                output_tokens: 900,
                model: 'claude-sonnet-4-5-20250929',
                context_window: '200k-1M',
              },
            ],
          },
        ],
        has_more: false,
      },
      'long.json',
    );
    assert.deepEqual(
      lines.map((line) => [line.billedClass, line.quantity, line.contextTier]),
      [
        ['input', 450_000, 'long'],
        ['output', 900, 'long'],
      ],
    );
  });

  it('refuses an unknown tier rather than pricing it as standard', () => {
    assert.throws(
      () =>
        anthropicUsageImporter.mapDocument(
          {
            data: [
              {
                starting_at: '2026-03-09T00:00:00Z',
                ending_at: '2026-03-10T00:00:00Z',
                results: [{ uncached_input_tokens: 1, service_tier: 'turbo' }],
              },
            ],
          },
          'tier.json',
        ),
      /tier\.json data\[0\]\.results\[0\]\.service_tier: is "turbo"/,
    );
  });
});
