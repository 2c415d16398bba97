import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BillingLine } from '../../domain/billing-line.ts';
import { toStoredPrecision } from '../../domain/money.ts';
import { DuckDbTabularReader } from '../../store/duckdb/duckdb-tabular-reader.ts';
import { importBillFile } from './import-bill-file.ts';
import { openAiCostsImporter } from './openai-costs-importer.ts';

const COSTS = fileURLToPath(new URL('__fixtures__/openai-costs-api.json', import.meta.url));
const USAGE = fileURLToPath(
  new URL('__fixtures__/openai-usage-api-completions.json', import.meta.url),
);
const reader = new DuckDbTabularReader();
after(() => reader.close());
const options = { reader, readText: (path: string) => readFile(path, 'utf8') };

const sumCost = (lines: BillingLine[]): number =>
  toStoredPrecision(lines.reduce((sum, line) => sum + (line.cost ?? 0), 0));

/** Example list prices of the fixtures' README, USD per 1M tokens, by model, tier and class. */
const PRICES: Record<string, number> = {
  'o4-mini-2025-04-16 standard input': 1.1,
  'o4-mini-2025-04-16 standard cache_read': 0.275,
  'o4-mini-2025-04-16 standard output': 4.4,
  'gpt-4o-mini-2024-07-18 standard input': 0.15,
  'gpt-4o-mini-2024-07-18 standard cache_read': 0.075,
  'gpt-4o-mini-2024-07-18 standard output': 0.6,
  'gpt-4o-mini-2024-07-18 batch input': 0.075,
  'gpt-4o-mini-2024-07-18 batch output': 0.3,
};
const key = (line: BillingLine): string => `${line.model} ${line.serviceTier} ${line.billedClass}`;

describe('openAiCostsImporter', () => {
  it('imports every line item with its model, class, tier and money', async () => {
    const { lines, rowsRead, rowsSkipped } = await importBillFile(COSTS, 'openai-costs', options);
    assert.equal(rowsRead, 14);
    assert.equal(rowsSkipped, 0);
    // 2.7128035 + 1.205248 + 8.66096 + 1.8906177 + 0.6912 + 1.807665 + 2.34375 + 0.825
    // + 2.9594587 + 1.2976128 + 9.259052 + 1.8465813 + 0.663552 + 1.760472 = 37.923973
    assert.equal(sumCost(lines), 37.923973);
    const batchInput = lines.find(
      (line) => line.description === 'gpt-4o-mini-2024-07-18, batch input',
    );
    assert.deepEqual(
      { ...batchInput, id: undefined },
      {
        id: undefined,
        format: 'openai-costs',
        role: 'cost',
        provider: 'openai',
        project: 'proj_Kd3pWq7XnV2sLm9Tb4Rc8YeJ',
        model: 'gpt-4o-mini-2024-07-18',
        billedClass: 'input',
        serviceTier: 'batch',
        periodStart: Date.UTC(2026, 2, 9),
        periodEnd: Date.UTC(2026, 2, 10),
        quantity: 31_250_000,
        cost: 2.34375,
        currency: 'USD',
        description: 'gpt-4o-mini-2024-07-18, batch input',
      },
    );
  });

  it('equals the usage export × the example prices, line by line', async () => {
    const costs = (await importBillFile(COSTS, 'openai-costs', options)).lines;
    const usage = (await importBillFile(USAGE, 'openai-usage', options)).lines;
    for (const line of costs) {
      // e.g. o4-mini input on 9 March: 2,466,185 tokens × $1.10 / 1M = $2.7128035
      const used = usage.find(
        (candidate) =>
          key(candidate) === key(line) &&
          candidate.project === line.project &&
          candidate.periodStart === line.periodStart,
      );
      assert.equal(used?.quantity, line.quantity, key(line));
      const price = PRICES[key(line)] ?? Number.NaN;
      assert.equal(toStoredPrecision(((used?.quantity ?? 0) * price) / 1e6), line.cost, key(line));
    }
  });

  it('gives the same ids to the same file, and to a corrected re-export of a line', async () => {
    const first = await importBillFile(COSTS, 'openai-costs', options);
    const second = await importBillFile(COSTS, 'openai-costs', options);
    assert.deepEqual(
      second.lines.map((line) => line.id),
      first.lines.map((line) => line.id),
    );
    assert.equal(new Set(first.lines.map((line) => line.id)).size, first.lines.length);
    const corrected = structuredClone(JSON.parse(await readFile(COSTS, 'utf8'))) as {
      data: { results: { amount: { value: number }; quantity: number }[] }[];
    };
    const result = corrected.data[0]?.results[0];
    assert.ok(result);
    result.amount.value = 2.8;
    result.quantity = 2_545_455;
    const [line] = openAiCostsImporter.mapDocument(corrected, 'corrected.json').lines;
    assert.equal(line?.id, first.lines[0]?.id);
    assert.equal(line?.cost, 2.8);
  });

  it('reads line items it does not know as other lines, keeping the raw text', () => {
    const page = {
      object: 'page',
      data: [
        {
          object: 'bucket',
          start_time: 1773014400,
          end_time: 1773100800,
          results: [
            {
              object: 'organization.costs.result',
              amount: { value: 0.5, currency: 'usd' },
              line_item: 'Web search tool calls',
              project_id: null,
              quantity: 50,
              quantity_unit: 'calls',
            },
            {
              object: 'organization.costs.result',
              amount: { value: 1.2, currency: 'usd' },
              line_item: 'gpt-4.1, flex input',
              quantity: 2.4,
              quantity_unit: '1000_tokens',
            },
            {
              object: 'organization.costs.result',
              amount: { value: 3, currency: 'usd' },
              line_item: 'Fine-tuning training',
            },
          ],
        },
      ],
    };
    const { lines } = openAiCostsImporter.mapDocument(page, 'page.json');
    assert.deepEqual(
      lines.map((line) => [line.model, line.billedClass, line.serviceTier, line.quantity]),
      [
        [undefined, 'web_search', undefined, undefined],
        ['gpt-4.1', 'input', 'flex', 2400],
        [undefined, 'other', undefined, undefined],
      ],
    );
    assert.equal(lines[2]?.description, 'Fine-tuning training');
  });

  it('names the JSON path of a value it cannot use', () => {
    const page = {
      object: 'page',
      data: [
        {
          start_time: 1773014400,
          end_time: 1773100800,
          results: [
            { object: 'organization.costs.result', amount: { value: 1, currency: 'usd' } },
            { object: 'organization.costs.result', amount: { value: '1.5', currency: 'usd' } },
          ],
        },
      ],
    };
    assert.throws(
      () => openAiCostsImporter.mapDocument(page, 'costs.json'),
      /^BillFileError: costs\.json data\[0\]\.results\[1\]\.amount\.value: is not a number$/,
    );
  });
});
