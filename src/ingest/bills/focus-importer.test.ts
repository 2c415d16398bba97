import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BillingLine } from '../../domain/billing-line.ts';
import { toStoredPrecision } from '../../domain/money.ts';
import { DuckDbTabularReader } from '../../store/duckdb/duckdb-tabular-reader.ts';
import { importBillFile } from './import-bill-file.ts';

const FOCUS = fileURLToPath(new URL('__fixtures__/focus-example.csv', import.meta.url));
const reader = new DuckDbTabularReader();
after(() => reader.close());
const options = { reader, readText: (path: string) => readFile(path, 'utf8') };

const billed = (lines: BillingLine[], provider: string): number =>
  toStoredPrecision(
    lines
      .filter((line) => line.provider === provider)
      .reduce((sum, line) => sum + (line.cost ?? 0), 0),
  );

describe('focusImporter', () => {
  it('imports FOCUS rows with provider, model, class, tokens and BilledCost', async () => {
    const { lines, rowsRead } = await importBillFile(FOCUS, 'focus', options);
    assert.equal(rowsRead, 8);
    // OpenAI: 0.0012672 + 0.0005632 + 0.001232 + 0.002816 = 0.0058784
    assert.equal(billed(lines, 'openai'), 0.0058784);
    // Anthropic (10 % off list): 0.003375 + 0.0070875 + 0.00497664 + 0.00729 = 0.02272914
    assert.equal(billed(lines, 'anthropic'), 0.02272914);
    assert.deepEqual(
      lines.map((line) => [line.provider, line.billedClass, line.quantity]),
      [
        ['openai', 'input', 1152],
        ['openai', 'cache_read', 2048],
        ['openai', 'output', 280],
        ['openai', 'reasoning', 640],
        ['anthropic', 'input', 1250],
        ['anthropic', 'cache_write_5m', 2100],
        ['anthropic', 'cache_read', 18_432],
        ['anthropic', 'output', 540],
      ],
    );
    const [first] = lines;
    assert.equal(first?.account, 'org-7Qb2XcLrT9mVdK4sN1pYw8Ez');
    assert.equal(first?.project, 'proj_Fq8sYt2LkW9xNcB3vR7mZ1aH');
    assert.equal(first?.model, 'o4-mini-2025-04-16');
    assert.equal(first?.serviceTier, 'standard');
    assert.equal(first?.contextTier, 'standard');
    assert.equal(first?.periodStart, Date.UTC(2026, 2, 10, 14));
    assert.equal(first?.periodEnd, Date.UTC(2026, 2, 10, 15));
    assert.equal(first?.tags?.team, 'search');
    assert.equal(first?.tags?.['tokenops/virtual_key'], 'vk_search_prod');
  });
});
