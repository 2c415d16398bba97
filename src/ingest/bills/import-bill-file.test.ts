import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BillFormat } from '../../domain/billing-line.ts';
import { BillFileError } from '../../domain/errors/index.ts';
import { DuckDbTabularReader } from '../../store/duckdb/duckdb-tabular-reader.ts';
import { importBillFile } from './import-bill-file.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`__fixtures__/${name}`, import.meta.url));
const reader = new DuckDbTabularReader();
const directory = mkdtempSync(join(tmpdir(), 'tokenops-import-'));
after(() => {
  reader.close();
  rmSync(directory, { recursive: true, force: true });
});
const options = { reader, readText: (path: string) => readFile(path, 'utf8') };

function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

async function refusal(path: string, format: BillFormat): Promise<string> {
  try {
    await importBillFile(path, format, options);
  } catch (error) {
    assert.ok(error instanceof BillFileError, String(error));
    return `${error.message} | ${error.fix}`;
  }
  return assert.fail('the file was imported');
}

describe('importBillFile', () => {
  it('refuses a JSON file cut in half, at its end', async () => {
    const text = readFileSync(fixture('openai-costs-api.json'), 'utf8');
    const half = text.slice(0, Math.floor(text.length / 2));
    const lines = half.trimEnd().split('\n');
    const path = write('half.json', half);
    const message = await refusal(path, 'openai-costs');
    assert.match(
      message,
      /half\.json line \d+, column \d+: the JSON ends early: the file is cut short/,
    );
    assert.ok(message.includes(`line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1}`));
  });

  it('names the line and column of a JSON syntax error', async () => {
    const path = write('syntax.json', '{\n  "data": [\n    { "results": [1, 2 }\n  ]\n}\n');
    assert.match(
      await refusal(path, 'anthropic-usage'),
      /syntax\.json line 3, column 24: invalid JSON: expected ',' or ']' after array element/,
    );
  });

  it('refuses a CSV given to a JSON format', async () => {
    assert.match(
      await refusal(fixture('aws-cur2-bedrock.csv'), 'openai-usage'),
      /line 1, column 1: this is not JSON \(is it a CSV export\?\)/,
    );
  });

  it('refuses a JSON export of another format, and names that format', async () => {
    assert.match(
      await refusal(fixture('anthropic-cost-report.json'), 'openai-costs'),
      /: this is not an OpenAI costs API export .* \| it looks like an Anthropic cost report .*: import it as format anthropic-cost$/,
    );
    assert.match(
      await refusal(fixture('openai-usage-api-completions.json'), 'anthropic-usage'),
      /: this is not an Anthropic messages usage report .* \| it looks like an OpenAI usage API export .*: import it as format openai-usage$/,
    );
    assert.match(
      await refusal(fixture('anthropic-usage-report.json'), 'anthropic-cost'),
      /\| it looks like an Anthropic messages usage report .*: import it as format anthropic-usage$/,
    );
  });

  it('reads several pages saved together as a JSON array', async () => {
    const page: unknown = JSON.parse(readFileSync(fixture('openai-costs-api.json'), 'utf8'));
    const path = write(
      'pages.json',
      JSON.stringify([page, { object: 'page', data: [], has_more: false }]),
    );
    const { lines, rowsRead } = await importBillFile(path, 'openai-costs', options);
    assert.equal(rowsRead, 14);
    assert.equal(lines.length, 14);
  });

  it('gives rows with the same natural key their own stable ids', async () => {
    const text =
      'tool,period,seats,seat_price,overage_cost,currency,team\nCursor,2026-03,5,40,0,USD,\nCursor,2026-03,7,40,0,USD,\n';
    const path = write('twice.csv', text);
    const first = await importBillFile(path, 'subscription', options);
    const second = await importBillFile(path, 'subscription', options);
    assert.equal(new Set(first.lines.map((line) => line.id)).size, 2);
    assert.deepEqual(
      second.lines.map((line) => line.id),
      first.lines.map((line) => line.id),
    );
  });

  it('reports progress in rows read of the total', async () => {
    const progress: [number, number][] = [];
    await importBillFile(fixture('gcp-billing-vertex.csv'), 'gcp-billing', {
      ...options,
      onProgress: (done, total) => progress.push([done, total]),
    });
    assert.deepEqual(progress, [[9, 9]]);
  });

  it('refuses an empty JSON file and a missing file', async () => {
    assert.match(
      await refusal(write('empty.json', ''), 'anthropic-cost'),
      /empty\.json: the file is empty/,
    );
    assert.match(await refusal(join(directory, 'nope.csv'), 'aws-cur'), /nope\.csv: no such file/);
  });
});
